package org.rapport.engine.schema;

import javax.sql.DataSource;

import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.service.spi.SessionFactoryServiceRegistry;

/**
 * Runs the schema migrations while the persistence unit starts, on its own data source, before Hibernate
 * validates the mapping ({@code hbm2ddl.auto=validate} runs once the session factory is built; integrators
 * run while it is built). Registered as a Java service
 * ({@code META-INF/services/org.hibernate.integrator.spi.Integrator}), which Hibernate looks up with the
 * persistence unit's own class loader, so the server, the tests and anything else that opens the unit see a
 * migrated schema or do not start at all. Not named by {@code hibernate.integrator_provider}: Hibernate loads
 * that class by name from its own module, which on WildFly cannot see the application's classes.
 */
public final class MigrateBeforeValidate implements Integrator {

    @Override
    public void integrate(Metadata metadata, BootstrapContext bootstrapContext,
            SessionFactoryImplementor sessionFactory) {
        DataSource dataSource = sessionFactory.getServiceRegistry().requireService(ConnectionProvider.class)
                .unwrap(DataSource.class);
        SchemaMigrations.on(dataSource).migrate();
    }

    @Override
    public void disintegrate(SessionFactoryImplementor sessionFactory, SessionFactoryServiceRegistry registry) {
        // nothing to undo: the schema stays migrated
    }
}
