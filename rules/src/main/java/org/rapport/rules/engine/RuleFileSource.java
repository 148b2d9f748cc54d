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

    @Override
    public byte[] content() {
        return content.clone();
    }
}
