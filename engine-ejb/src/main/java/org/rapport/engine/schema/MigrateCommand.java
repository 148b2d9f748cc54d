package org.rapport.engine.schema;

import org.flywaydb.core.api.output.MigrateResult;

/**
 * Migrates a database from the command line, before the server is started (see README: Upgrading). The
 * database is named as the server names it: {@code RAPPORT_DB_URL}, {@code RAPPORT_DB_USER},
 * {@code RAPPORT_DB_PASSWORD}; a JDBC URL given as the argument wins over the first.
 */
public final class MigrateCommand {

    private MigrateCommand() {
    }

    public static void main(String[] args) {
        String url = args.length > 0 ? args[0] : System.getenv("RAPPORT_DB_URL");
        if (url == null || url.isBlank()) {
            System.err.println("Usage: MigrateCommand <jdbc-url>   (or set RAPPORT_DB_URL; user and password from "
                    + "RAPPORT_DB_USER and RAPPORT_DB_PASSWORD)");
            System.exit(2);
        }
        try {
            System.out.println(run(url, env("RAPPORT_DB_USER", "sa"), env("RAPPORT_DB_PASSWORD", "sa")));
        } catch (SchemaMigrationException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
    }

    /** Migrates the database at {@code url} and says what was done. */
    static String run(String url, String user, String password) {
        MigrateResult result = SchemaMigrations.at(url, user, password).migrate();
        return result.migrationsExecuted == 0
                ? "The schema is up to date at version " + result.initialSchemaVersion + "."
                : "Migrated the schema from version " + (result.initialSchemaVersion == null ? "none"
                        : result.initialSchemaVersion) + " to " + result.targetSchemaVersion + " ("
                        + result.migrationsExecuted + " migrations).";
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
