package org.rapport.rules.engine;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One file of a rule set as the strategy team wrote it: its name decides how it is read
 * ({@code .drl}, {@code .drl.csv}, {@code .drl.xlsx}) and its bytes are kept unchanged.
 */
public record RuleFileSource(String name, byte[] content) {

    public RuleFileSource {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(content, "content");
        content = content.clone();
    }

    public static RuleFileSource ofText(String name, String text) {
        return new RuleFileSource(name, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Why a file of this name cannot be part of a rule set, or null when it can: a rule set holds rules
     * ({@code .drl}), decision tables ({@code .drl.csv}, {@code .drl.xlsx}) and scenarios ({@code .scenario.json}).
     */
    public static String notInARuleSet(String name) {
        return ParsedRuleFile.belongsToRuleSet(name) ? null : ParsedRuleFile.notPartOfARuleSet(name);
    }

    @Override
    public byte[] content() {
        return content.clone();
    }
}
