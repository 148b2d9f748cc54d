package org.rapport.rules.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The rule set a new installation starts from: the files under
 * {@code org/rapport/rules/defaults/} in this module, listed in {@code ruleset.txt} beside them so
 * that the list is explicit and works from a jar as well as from a directory.
 */
public final class DefaultRuleSet {

    /** The label of the first rule-set version a new installation seeds. */
    public static final String LABEL = "default";

    private static final String FOLDER = "/org/rapport/rules/defaults/";

    private DefaultRuleSet() {
    }

    public static List<RuleFileSource> files() {
        List<RuleFileSource> files = new ArrayList<>();
        for (String name : read("ruleset.txt").lines().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList()) {
            files.add(new RuleFileSource(name, bytes(name)));
        }
        return files;
    }

    private static String read(String name) {
        return new String(bytes(name), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String name) {
        try (InputStream in = DefaultRuleSet.class.getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new IllegalStateException("Default rule file missing from the rules jar: " + FOLDER + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read default rule file " + name, e);
        }
    }
}
