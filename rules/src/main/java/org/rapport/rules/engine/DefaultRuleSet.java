package org.rapport.rules.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The rule set a new installation starts from: the files under
 * {@code org/rapport/rules/defaults/} in this module, listed in {@code ruleset.txt} beside them so
 * that the list is explicit and works from a jar as well as from a directory. Its scenario tests are
 * listed separately in {@code scenarios.txt}.
 */
public final class DefaultRuleSet {

    /** The label of the first rule-set version a new installation seeds. */
    public static final String LABEL = "default";

    private static final String FOLDER = "/org/rapport/rules/defaults/";

    private DefaultRuleSet() {
    }

    /** The rule files, in the order of {@code ruleset.txt}. */
    public static List<RuleFileSource> files() {
        return listed("ruleset.txt");
    }

    /** The scenario files kept with the default rule set ({@code *.scenario.json}), in the order of {@code scenarios.txt}. */
    public static List<RuleFileSource> scenarios() {
        return listed("scenarios.txt");
    }

    private static List<RuleFileSource> listed(String index) {
        List<RuleFileSource> files = new ArrayList<>();
        for (String name : read(index).lines().map(String::strip)
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
