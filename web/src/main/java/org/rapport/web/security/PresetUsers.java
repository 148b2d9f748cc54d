package org.rapport.web.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Users an automated deployment sets up by configuration instead of taking generated passwords:
 * {@code rapport.users.<name>.password} and {@code rapport.users.<name>.roles} (comma-separated) as
 * system properties, or {@code RAPPORT_USERS_<NAME>_PASSWORD} / {@code _ROLES} in the environment
 * (the name lower-cased). A preset without a password is not a user; a role that is not one of
 * {@link Roles#ALL} is named in {@link #problems()} and left out.
 */
public final class PresetUsers {

    private static final Pattern PROPERTY = Pattern.compile("rapport\\.users\\.([a-z0-9][a-z0-9._-]*)\\.(password|roles)");
    private static final Pattern ENVIRONMENT = Pattern.compile("RAPPORT_USERS_([A-Z0-9][A-Z0-9_]*)_(PASSWORD|ROLES)");

    /** One preset user; the password is only ever hashed, never stored or logged. */
    public record Preset(String name, char[] password, Set<String> roles) {
    }

    private final List<Preset> users;
    private final List<String> problems;

    private PresetUsers(List<Preset> users, List<String> problems) {
        this.users = users;
        this.problems = problems;
    }

    /**
     * Reads the presets from configuration property names and their values.
     *
     * @param names every configuration property name known (system properties, environment, files)
     * @param value a property's value by its exact name
     */
    public static PresetUsers read(Iterable<String> names, Function<String, Optional<String>> value) {
        Map<String, String> passwordProperty = new TreeMap<>();
        Map<String, String> rolesProperty = new TreeMap<>();
        for (String name : names) {
            Matcher property = PROPERTY.matcher(name);
            Matcher environment = ENVIRONMENT.matcher(name);
            String user;
            String field;
            if (property.matches()) {
                user = property.group(1);
                field = property.group(2);
            } else if (environment.matches()) {
                user = environment.group(1).toLowerCase(Locale.ROOT);
                field = environment.group(2).toLowerCase(Locale.ROOT);
            } else {
                continue;
            }
            (field.equals("password") ? passwordProperty : rolesProperty).put(user, name);
        }
        List<Preset> users = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> entry : passwordProperty.entrySet()) {
            String user = entry.getKey();
            Optional<String> password = value.apply(entry.getValue()).filter(p -> !p.isEmpty());
            if (password.isEmpty()) {
                problems.add(entry.getValue() + " is empty: user " + user + " is not set up");
                continue;
            }
            Set<String> roles = new LinkedHashSet<>();
            String rolesName = rolesProperty.get(user);
            String listed = rolesName == null ? "" : value.apply(rolesName).orElse("");
            for (String role : Arrays.stream(listed.split(",")).map(String::trim).filter(r -> !r.isEmpty()).toList()) {
                if (Roles.isRole(role)) {
                    roles.add(role);
                } else {
                    problems.add(rolesName + " names \"" + role + "\", which is not a role (" + String.join(", ", Roles.ALL) + ")");
                }
            }
            users.add(new Preset(user, password.get().toCharArray(), Set.copyOf(roles)));
        }
        for (Map.Entry<String, String> entry : rolesProperty.entrySet()) {
            if (!passwordProperty.containsKey(entry.getKey())) {
                problems.add(entry.getValue() + " is set without a password: user " + entry.getKey() + " is not set up");
            }
        }
        return new PresetUsers(List.copyOf(users), List.copyOf(problems));
    }

    public List<Preset> users() {
        return users;
    }

    /** Presets that could not be taken as they are, each naming its property (never a value). */
    public List<String> problems() {
        return problems;
    }

    public boolean isEmpty() {
        return users.isEmpty();
    }
}
