package org.rapport.rules.defaults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rapport.rules.defaults.DefaultRules.evaluate;
import static org.rapport.rules.defaults.DefaultRules.overall;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rapport.rules.facts.ImprovementTrigger;
import org.rapport.rules.facts.Kpi;
import org.rapport.rules.facts.Pillar;
import org.rapport.rules.facts.Severity;

/** moments-of-truth.drl, retention-triggers.drl and voice-of-customer-triggers.drl: the rest of the catalogue. */
class CatalogueTriggerRulesTest {

    @ParameterizedTest(name = "{0} at {1}: {3} {4} {5}")
    @DisplayName("a single-KPI trigger fires amber as medium and red as high severity, quoting the figures")
    @CsvSource(delimiter = '|', value = {
            "REIDENTIFIED_AFTER_TRANSFER | 9    | REPEATING_INFORMATION          | TECHNOLOGY | MEDIUM | 9% of transferred calls had to identify again against a target of 5%",
            "REIDENTIFIED_AFTER_TRANSFER | 23.5 | REPEATING_INFORMATION          | TECHNOLOGY | HIGH   | 23.5% of transferred calls had to identify again against a target of 5%",
            "NO_HISTORY                  | 12   | AGENT_WITHOUT_HISTORY          | TECHNOLOGY | MEDIUM | 12% of answered calls without the customer's history against a target of 5%",
            "NO_HISTORY                  | 40   | AGENT_WITHOUT_HISTORY          | TECHNOLOGY | HIGH   | 40% of answered calls without the customer's history against a target of 5%",
            "PREFERRED_CHANNEL           | 70   | NOT_MY_CHANNEL                 | PROCESS    | MEDIUM | Only 70% of contacts in the customer's preferred channel against a target of 80%",
            "PREFERRED_CHANNEL           | 51.25| NOT_MY_CHANNEL                 | PROCESS    | HIGH   | Only 51.3% of contacts in the customer's preferred channel against a target of 80%",
            "CHURN_SHARE_TREATMENT       | 70   | CHURN_TREATMENT_ABOVE_BASELINE | STAFF      | MEDIUM | 70% of leavers with a known reason left over how they were treated against the published baseline of 68%",
            "CHURN_SHARE_TREATMENT       | 81   | CHURN_TREATMENT_ABOVE_BASELINE | STAFF      | HIGH   | 81% of leavers with a known reason left over how they were treated against the published baseline of 68%",
            "CHURN_SHARE_PRODUCT         | 16   | CHURN_PRODUCT_ABOVE_BASELINE   | PROCESS    | MEDIUM | 16% of leavers with a known reason left over the product or service against the published baseline of 14%",
            "CHURN_SHARE_PRODUCT         | 25   | CHURN_PRODUCT_ABOVE_BASELINE   | PROCESS    | HIGH   | 25% of leavers with a known reason left over the product or service against the published baseline of 14%",
            "SURVEY_REACH_GAP            | 14   | SURVEY_REACH_GAP               | PROCESS    | MEDIUM | Survey reach of the best-reached value band is 14 points above the worst-reached, against a target of at most 10",
            "SURVEY_REACH_GAP            | 31   | SURVEY_REACH_GAP               | PROCESS    | HIGH   | Survey reach of the best-reached value band is 31 points above the worst-reached, against a target of at most 10",
            "CLOSED_LOOP                 | 80   | DETRACTORS_NOT_CALLED_BACK     | STAFF      | MEDIUM | Only 80% of detractors were called back within 2 working days against a target of 90%",
            "CLOSED_LOOP                 | 40   | DETRACTORS_NOT_CALLED_BACK     | STAFF      | HIGH   | Only 40% of detractors were called back within 2 working days against a target of 90%",
    })
    void singleKpiTrigger(String kpiCode, String value, String triggerCode, Pillar pillar, Severity severity, String evidence) {
        assertThat(triggers(overall(kpiCode, value))).singleElement().satisfies(trigger -> {
            assertThat(trigger.code()).isEqualTo(triggerCode);
            assertThat(trigger.pillar()).isEqualTo(pillar);
            assertThat(trigger.severity()).isEqualTo(severity);
            assertThat(trigger.evidence()).isEqualTo(evidence);
        });
    }

    @ParameterizedTest(name = "{0} at {1} raises nothing")
    @DisplayName("on target, or at the published baseline exactly, raises nothing")
    @CsvSource({"REIDENTIFIED_AFTER_TRANSFER, 5", "NO_HISTORY, 0", "PREFERRED_CHANNEL, 80", "CHURN_SHARE_TREATMENT, 68",
            "CHURN_SHARE_PRODUCT, 14", "SURVEY_REACH_GAP, 10", "CLOSED_LOOP, 95", "AVERAGE_SPEED_OF_ANSWER, 30",
            "SERVICE_LEVEL, 80", "QUEUE_ABANDONMENT, 4", "FIRST_CONTACT_RESOLUTION, 75", "REPEAT_CONTACT_RATE, 10",
            "CHURN_SHARE_BETTER_OFFER, 30", "CHURN_CONTROLLABLE_SHARE, 95", "ENGAGEMENT_INDEX, 20"})
    void onTarget(String kpiCode, String value) {
        assertThat(triggers(overall(kpiCode, value))).isEmpty();
    }

    @Nested
    @DisplayName("Customers wait too long to be answered")
    class WaitingTooLong {

        @Test
        @DisplayName("one waiting KPI in the red makes a high-severity staff trigger quoting every KPI that missed")
        void oneRed() {
            List<ImprovementTrigger> triggers = triggers(overall("AVERAGE_SPEED_OF_ANSWER", "95"),
                    overall("SERVICE_LEVEL", "74"), overall("QUEUE_ABANDONMENT", "3"));

            assertThat(triggers).singleElement().satisfies(trigger -> {
                assertThat(trigger.code()).isEqualTo("WAITING_TOO_LONG");
                assertThat(trigger.title()).isEqualTo("Customers wait too long to be answered");
                assertThat(trigger.pillar()).isEqualTo(Pillar.STAFF);
                assertThat(trigger.severity()).isEqualTo(Severity.HIGH);
                assertThat(trigger.evidence()).isEqualTo("Average speed of answer 95 seconds against a target of 30 seconds; "
                        + "Service level 74% of queued calls answered within 20 seconds against a target of 80%");
            });
        }

        @Test
        @DisplayName("waiting KPIs in the amber only make a medium-severity trigger")
        void amberOnly() {
            List<ImprovementTrigger> triggers = triggers(overall("QUEUE_ABANDONMENT", "7.5"), overall("SERVICE_LEVEL", "85"));

            assertThat(triggers).singleElement().satisfies(trigger -> {
                assertThat(trigger.severity()).isEqualTo(Severity.MEDIUM);
                assertThat(trigger.evidence()).isEqualTo("Queue abandonment 7.5% of queued calls against a target of 5%");
            });
        }
    }

    @Nested
    @DisplayName("Customers have to come back to get things resolved")
    class ContactsNotResolved {

        @Test
        @DisplayName("red first-contact resolution and amber repeat contacts make one high-severity staff trigger")
        void redAndAmber() {
            List<ImprovementTrigger> triggers = triggers(overall("FIRST_CONTACT_RESOLUTION", "58"),
                    overall("REPEAT_CONTACT_RATE", "14"));

            assertThat(triggers).singleElement().satisfies(trigger -> {
                assertThat(trigger.code()).isEqualTo("CONTACTS_NOT_RESOLVED");
                assertThat(trigger.pillar()).isEqualTo(Pillar.STAFF);
                assertThat(trigger.severity()).isEqualTo(Severity.HIGH);
                assertThat(trigger.evidence()).isEqualTo("First-contact resolution 58% of cases against a target of 75%; "
                        + "Repeat contacts 14% of contacts within 7 days against a target of 10%");
            });
        }

        @Test
        @DisplayName("amber repeat contacts alone make a medium-severity trigger")
        void amberOnly() {
            assertThat(triggers(overall("REPEAT_CONTACT_RATE", "12"))).singleElement()
                    .extracting(ImprovementTrigger::severity).isEqualTo(Severity.MEDIUM);
        }
    }

    @Test
    @DisplayName("a bad month across the catalogue raises one trigger per code, in code order")
    void badMonth() {
        List<ImprovementTrigger> triggers = triggers(
                overall("REIDENTIFIED_AFTER_TRANSFER", "30"), overall("TIME_TO_HUMAN_P90", "14"),
                overall("AVERAGE_SPEED_OF_ANSWER", "120"), overall("SERVICE_LEVEL", "50"),
                overall("QUEUE_ABANDONMENT", "12"), overall("NO_HISTORY", "20"), overall("PREFERRED_CHANNEL", "60"),
                overall("FIRST_CONTACT_RESOLUTION", "50"), overall("REPEAT_CONTACT_RATE", "25"),
                overall("CHURN_SHARE_TREATMENT", "80"), overall("CHURN_SHARE_PRODUCT", "15"),
                overall("SURVEY_REACH_GAP", "25"), overall("CLOSED_LOOP", "50"));

        assertThat(triggers).extracting(ImprovementTrigger::code).containsExactly(
                "AGENT_WITHOUT_HISTORY", "CHURN_PRODUCT_ABOVE_BASELINE", "CHURN_TREATMENT_ABOVE_BASELINE",
                "CONTACTS_NOT_RESOLVED", "DETRACTORS_NOT_CALLED_BACK", "NOT_MY_CHANNEL", "REPEATING_INFORMATION",
                "SURVEY_REACH_GAP", "TRAPPED_IN_SELF_SERVICE", "WAITING_TOO_LONG");
    }

    private static List<ImprovementTrigger> triggers(Kpi... kpis) {
        return evaluate(kpis).triggers();
    }
}
