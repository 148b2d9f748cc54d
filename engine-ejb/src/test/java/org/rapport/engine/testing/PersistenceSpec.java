package org.rapport.engine.testing;

import org.junit.jupiter.api.AfterEach;

/**
 * Base of specifications that run once per {@link TestDatabase}: each test names its database with
 * {@link #on(TestDatabase)} and finds every table empty again afterwards.
 */
public abstract class PersistenceSpec {

    protected TestDatabase database;

    protected TestDatabase on(TestDatabase database) {
        this.database = database;
        return database;
    }

    @AfterEach
    void emptyTables() {
        if (database != null) {
            database.clean();
        }
    }
}
