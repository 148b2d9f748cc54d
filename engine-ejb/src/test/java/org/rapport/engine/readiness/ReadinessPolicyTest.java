package org.rapport.engine.readiness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.rapport.engine.intake.SourceKind;

/** Which completeness rule a source follows when the installation and its definition both may say. */
class ReadinessPolicyTest {

    @Test
    void aSourceFollowsItsKindsDefaultWhenNobodySaysOtherwise() {
        assertThat(ReadinessPolicy.choose(Optional.empty(), Optional.empty(), Optional.empty(), SourceKind.CALLS))
                .isEqualTo(Completeness.RECORDS_THROUGH_MONTH_END);
    }

    @Test
    void whatADefinitionDeclaresBeatsTheSettingForItsKind() {
        assertThat(ReadinessPolicy.choose(Optional.empty(), Optional.of(Completeness.MONTH_CLOSED),
                Optional.of("not-needed"), SourceKind.CALLS)).isEqualTo(Completeness.MONTH_CLOSED);
    }

    @Test
    void theInstallationsSettingForTheSourceOverrulesItsDefinition() {
        assertThat(ReadinessPolicy.choose(Optional.of("not-needed"), Optional.of(Completeness.MONTH_CLOSED),
                Optional.empty(), SourceKind.SURVEY_RESPONSES)).isEqualTo(Completeness.NOT_NEEDED);
    }

    @Test
    void theKindsSettingAppliesToSourcesThatDeclareNothing() {
        assertThat(ReadinessPolicy.choose(Optional.empty(), Optional.empty(), Optional.of("month-closed"),
                SourceKind.PURCHASES)).isEqualTo(Completeness.MONTH_CLOSED);
    }

    @Test
    void anUnknownRuleInTheSettingsIsRefusedNamingTheRulesThereAre() {
        assertThatThrownBy(() -> ReadinessPolicy.choose(Optional.of("whenever"), Optional.empty(), Optional.empty(),
                SourceKind.CALLS)).hasMessageContaining("'whenever' is not a completeness rule")
                .hasMessageContaining("records-through-month-end");
    }
}
