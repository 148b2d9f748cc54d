package org.rapport.web.security;

import java.util.List;

/**
 * The four kinds of user Rapport knows. A user may hold several; each REST method names the ones
 * it serves ({@code @RolesAllowed}), and {@code RoleMatrixIT} holds every method to that declaration.
 */
public final class Roles {

    /** Reads runs, KPIs, packs and action points: the Chief Customer Officer and the board. */
    public static final String BOARD = "board";
    /** Owns the rule sets (draft, validate, dry run, activate, roll back) and moves action points on. */
    public static final String STRATEGY = "strategy";
    /** Wires sources; reads the ledger, the quarantine (raw source text) and intake health; replays. */
    public static final String INTEGRATION = "integration";
    /** Keeps the distribution list and the schedule, starts runs on demand, gives users their roles. */
    public static final String ADMIN = "admin";

    /** Every role, in the order screens and files list them. */
    public static final List<String> ALL = List.of(BOARD, STRATEGY, INTEGRATION, ADMIN);

    private Roles() {
    }

    public static boolean isRole(String name) {
        return ALL.contains(name);
    }
}
