package org.rapport.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * The users the suite's WildFly is given by configuration (arquillian.xml:
 * {@code rapport.users.<name>.password / .roles}), one per role, one with every role and one with none.
 * Test passwords for a test server, nothing else's.
 */
final class TestUsers {

    static final String EVERY_ROLE = "it-all";
    static final String BOARD = "it-board";
    static final String STRATEGY = "it-strategy";
    static final String INTEGRATION = "it-integration";
    static final String ADMIN = "it-admin";
    static final String NO_ROLE = "it-none";

    /** By role name, the user who holds only that role. */
    static final Map<String, String> BY_ROLE = Map.of("board", BOARD, "strategy", STRATEGY,
            "integration", INTEGRATION, "admin", ADMIN);

    private TestUsers() {
    }

    static String password(String user) {
        return "pw-" + user + "-7Hq2";
    }

    /** The {@code Authorization} header of HTTP Basic for one of these users. */
    static String basic(String user) {
        return basic(user, password(user));
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
