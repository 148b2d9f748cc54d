package org.rapport.engine.readiness;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.rapport.engine.intake.SourceKind;

/**
 * The installation's readiness settings: which rule each source follows
 * ({@code rapport.readiness.source."<name>"}, else the {@code "readiness"} its definition declares, else
 * {@code rapport.readiness.kind.<KIND>}, else the kind's default), how long after month end a month may wait ({@code rapport.readiness.deadline-days})
 * and what happens then ({@code rapport.readiness.after-deadline}: hold or publish-incomplete).
 */
@ApplicationScoped
public class ReadinessPolicy {

    @Inject
    Config config;

    @Inject
    DeclaredCompleteness declared;

    @Inject
    @ConfigProperty(name = "rapport.readiness.deadline-days", defaultValue = "10")
    int deadlineDays;

    @Inject
    @ConfigProperty(name = "rapport.readiness.after-deadline", defaultValue = "hold")
    String afterDeadline;

    /** The rule {@code source} follows. */
    public Completeness ruleOf(String source, SourceKind kind) {
        return choose(config.getOptionalValue("rapport.readiness.source.\"" + source + "\"", String.class)
                        .or(() -> config.getOptionalValue("rapport.readiness.source." + source, String.class)),
                declared.of(source),
                config.getOptionalValue("rapport.readiness.kind." + kind.name().toLowerCase(Locale.ROOT), String.class),
                kind);
    }

    /**
     * The installation's word on the source wins (an operator can always overrule a definition), then
     * what the source's definition declares, then the installation's word on its kind, then the kind's default.
     */
    static Completeness choose(Optional<String> sourceSetting, Optional<Completeness> declaredBySource,
            Optional<String> kindSetting, SourceKind kind) {
        return sourceSetting.map(Completeness::parse)
                .or(() -> declaredBySource)
                .or(() -> kindSetting.map(Completeness::parse))
                .orElseGet(() -> Completeness.defaultFor(kind));
    }

    /** When {@code month} stops waiting for its data: the end of its deadline day, UTC. */
    public Instant deadline(YearMonth month) {
        return month.plusMonths(1).atDay(1).plusDays(deadlineDays).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    public AfterDeadline afterDeadline() {
        return AfterDeadline.parse(afterDeadline);
    }
}
