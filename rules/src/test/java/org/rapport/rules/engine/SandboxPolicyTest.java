package org.rapport.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rapport.rules.facts.Kpi;

/** {@link SandboxPolicy}: the allow-list itself. */
class SandboxPolicyTest {

    @Test
    @DisplayName("every published fact type is on the allow-list, and nothing else from its package")
    void factTypes() throws IOException, URISyntaxException {
        Path facts = Path.of(Kpi.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve(SandboxPolicy.FACTS_PACKAGE.replace('.', '/'));
        try (Stream<Path> classes = Files.list(facts)) {
            assertThat(SandboxPolicy.FACT_TYPES).containsExactlyInAnyOrderElementsOf(classes
                    .map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".class") && !name.contains("$") && !name.equals("package-info.class"))
                    .map(name -> name.substring(0, name.length() - ".class".length()))
                    .toList());
        }
    }

    @Test
    @DisplayName("members of allowed types may be named; getClass, system properties and unbounded work may not")
    void members() {
        assertThat(SandboxPolicy.deniedMemberReason("setScale")).isNull();
        assertThat(SandboxPolicy.deniedMemberReason("code")).as("the property of getCode").isNull();
        assertThat(SandboxPolicy.deniedMemberReason("insert")).as("a session helper").isNull();
        assertThat(SandboxPolicy.deniedMemberReason("getClass")).isEqualTo("reflection");
        assertThat(SandboxPolicy.deniedMemberReason("getInteger")).isEqualTo("system access");
        assertThat(SandboxPolicy.deniedMemberReason("repeat")).isEqualTo("unbounded work in one call");
        assertThat(SandboxPolicy.deniedMemberReason("getKieRuntime")).isNotNull();
        assertThat(SandboxPolicy.deniedMemberReason("classLoader")).isNotNull();
    }

    @Test
    @DisplayName("types: value types and collections yes; System, Class, threads, I/O no")
    void types() {
        assertThat(SandboxPolicy.isAllowedType("java.math.BigDecimal")).isTrue();
        assertThat(SandboxPolicy.isAllowedType("java.util.Map.Entry")).isTrue();
        assertThat(SandboxPolicy.isAllowedType("org.rapport.rules.facts.Kpi")).isTrue();
        assertThat(SandboxPolicy.isAllowedType("java.lang.System")).isFalse();
        assertThat(SandboxPolicy.isAllowedType("java.lang.Class")).isFalse();
        assertThat(SandboxPolicy.isAllowedType("java.lang.Thread")).isFalse();
        assertThat(SandboxPolicy.isAllowedType("java.io.File")).isFalse();
        assertThat(SandboxPolicy.isAllowedType("java.util.concurrent.Executors")).isFalse();
        assertThat(SandboxPolicy.isAllowedType("org.rapport.rules.engine.RuleSetCompiler")).isFalse();
    }
}
