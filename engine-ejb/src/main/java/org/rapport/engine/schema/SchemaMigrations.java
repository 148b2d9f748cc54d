package org.rapport.engine.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.api.pattern.ValidatePattern;

/**
 * Brings Rapport's schema on one database (H2 or PostgreSQL) to this release's version with Flyway, or stops
 * with a {@link SchemaMigrationException} that says why and changes nothing: a database newer than the
 * application, a script edited after it ran. A database that Hibernate made before migrations existed
 * (tables, no history) is taken as version 1 and upgraded from there, not recreated. Concurrent callers, in
 * this process or another, take turns ({@link MigrationLock}). Thread-safe.
 */
public final class SchemaMigrations {

    /** The version of the schema that releases before migrations had; an existing installation is baselined here. */
    static final String BASELINE = "1";

    private final DataSource dataSource;
    private final String vendor;

    private SchemaMigrations(DataSource dataSource, String vendor) {
        this.dataSource = dataSource;
        this.vendor = vendor;
    }

    /** Migrations of the database behind {@code dataSource}. */
    public static SchemaMigrations on(DataSource dataSource) {
        return new SchemaMigrations(dataSource, vendorOf(dataSource));
    }

    /** Migrations of the database at {@code url}, signed in as {@code user} (for the command line). */
    public static SchemaMigrations at(String url, String user, String password) {
        return on(new FluentConfiguration(SchemaMigrations.class.getClassLoader()).dataSource(url, user, password)
                .getDataSource());
    }

    /** Applies every pending migration, all of them or (where the database allows) none. */
    public MigrateResult migrate() {
        return migrateTo(MigrationVersion.LATEST);
    }

    /** Applies the pending migrations up to {@code target}. */
    MigrateResult migrateTo(MigrationVersion target) {
        try (MigrationLock lock = MigrationLock.take(dataSource, vendor)) {
            return migrateLocked(flyway(target));
        }
    }

    private MigrateResult migrateLocked(Flyway flyway) {
        refuseDowngrade(flyway);
        try {
            return flyway.migrate();
        } catch (FlywayValidateException e) {
            throw new SchemaMigrationException("The database's schema history does not match this release's "
                    + "migration scripts, so nothing was migrated. A script that already ran was changed, or the "
                    + "database was migrated by a different build. Details: " + e.getMessage(), e);
        } catch (FlywayException e) {
            throw new SchemaMigrationException("Migrating the schema failed: " + e.getMessage()
                    + (vendor.equals("postgresql") ? " The migrations were rolled back; nothing was changed."
                            : " H2 cannot roll back schema changes: restore the backup taken before the upgrade."),
                    e);
        }
    }

    /** The latest version this release's scripts reach. */
    public MigrationVersion latestKnown() {
        return Arrays.stream(flyway(MigrationVersion.LATEST).info().all())
                .filter(info -> info.getType() != null && !info.getType().isBaseline())
                .filter(info -> info.getState() != MigrationState.FUTURE_SUCCESS
                        && info.getState() != MigrationState.FUTURE_FAILED)
                .map(MigrationInfo::getVersion).filter(version -> version != null)
                .max(MigrationVersion::compareTo).orElse(MigrationVersion.EMPTY);
    }

    /** The version the database is at, {@link MigrationVersion#EMPTY} before the first migration. */
    public MigrationVersion current() {
        MigrationInfo current = flyway(MigrationVersion.LATEST).info().current();
        return current == null ? MigrationVersion.EMPTY : current.getVersion();
    }

    private void refuseDowngrade(Flyway flyway) {
        List<MigrationInfo> newer = Arrays.stream(flyway.info().applied())
                .filter(info -> info.getState() == MigrationState.FUTURE_SUCCESS
                        || info.getState() == MigrationState.FUTURE_FAILED)
                .toList();
        if (!newer.isEmpty()) {
            throw new SchemaMigrationException("The database's schema is at version "
                    + newer.get(newer.size() - 1).getVersion() + ", newer than this release knows ("
                    + latestKnown() + "): it was upgraded by a later release. Run that release, or restore the "
                    + "backup taken before the upgrade; nothing was changed.");
        }
    }

    private Flyway flyway(MigrationVersion target) {
        ClassLoader classLoader = SchemaMigrations.class.getClassLoader();
        return Flyway.configure(classLoader)
                .dataSource(dataSource)
                .resourceProvider(MigrationScripts.of(vendor, classLoader))
                .javaMigrationClassProvider(List::of)
                .baselineOnMigrate(true)
                .baselineVersion(BASELINE)
                .baselineDescription("schema of the releases before migrations")
                // every pending migration in one transaction: all of them or none (PostgreSQL; H2 commits DDL)
                .group(true)
                // a migration the database has and these scripts lack (a downgrade) is an error, not ignored
                .ignoreMigrationPatterns(new ValidatePattern[0])
                .cleanDisabled(true)
                .target(target)
                .load();
    }

    private static String vendorOf(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            if (product.contains("h2")) {
                return "h2";
            }
            if (product.contains("postgresql")) {
                return "postgresql";
            }
            throw new SchemaMigrationException("Rapport's schema is kept on H2 or PostgreSQL, not on " + product);
        } catch (SQLException e) {
            throw new SchemaMigrationException("Cannot connect to the database to migrate its schema: "
                    + e.getMessage(), e);
        }
    }
}
