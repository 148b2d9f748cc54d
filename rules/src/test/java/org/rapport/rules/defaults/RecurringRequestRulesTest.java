package org.rapport.rules.defaults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.rapport.rules.defaults.DefaultRules.countThemes;
import static org.rapport.rules.defaults.DefaultRules.evaluate;
import static org.rapport.rules.defaults.DefaultRules.evaluateCounted;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rapport.rules.engine.Evaluation;
import org.rapport.rules.engine.RequestThemeTally;
import org.rapport.rules.facts.ImprovementTrigger;
import org.rapport.rules.facts.Pillar;
import org.rapport.rules.facts.RequestSource;
import org.rapport.rules.facts.RequestText;
import org.rapport.rules.facts.RequestThemeCount;
import org.rapport.rules.facts.Severity;

/** request-themes.drl.csv and recurring-requests.drl: "customers keep asking for ...". */
class RecurringRequestRulesTest {

    @ParameterizedTest(name = "\"{0}\" mentions {1}")
    @DisplayName("a comment or case mentions a theme when it contains one of its keywords as whole words")
    @CsvSource(delimiter = '|', value = {
            "Please send me an E-Bill instead of paper!  | paperless billing",
            "can I get my bill by email                  | paperless billing",
            "Why are you never open on Saturday?         | longer opening hours",
            "I waited 40 minutes, just call me back      | a call back instead of waiting",
            "There was a hidden fee on my statement      | clearer bills",
    })
    void mentions(String text, String theme) {
        Evaluation evaluation = evaluate(List.of(), List.of(comment(text)));

        assertThat(evaluation.themes()).extracting(RequestThemeCount::label).containsExactly(theme);
    }

    @Test
    @DisplayName("a keyword inside another word is not a mention: 'chatty' is not 'chat'")
    void wholeWordsOnly() {
        assertThat(evaluate(List.of(), List.of(comment("The agent was chatty and kind"))).themes()).isEmpty();
    }

    @Test
    @DisplayName("a theme mentioned 10 times in the month is a medium-severity trigger for the side that can act, quoting counts only")
    void recurring() {
        List<RequestText> month = new ArrayList<>();
        for (int number = 0; number < 6; number++) {
            month.add(comment("Please go paperless, customer " + number));
        }
        for (int number = 0; number < 4; number++) {
            month.add(new RequestText(RequestSource.SERVICE_CASE, "Asked for e-bill again (" + number + ")"));
        }
        month.add(comment("Open on Sunday please"));

        Evaluation evaluation = evaluate(List.of(), month);

        assertThat(evaluation.themes()).extracting(RequestThemeCount::label, RequestThemeCount::mentions)
                .containsExactly(tuple("paperless billing", 10), tuple("longer opening hours", 1));
        assertThat(evaluation.triggers()).singleElement().satisfies(trigger -> {
            assertThat(trigger.code()).isEqualTo("RECURRING_REQUEST_PAPERLESS_BILLING");
            assertThat(trigger.title()).isEqualTo("Customers keep asking for paperless billing");
            assertThat(trigger.pillar()).isEqualTo(Pillar.PROCESS);
            assertThat(trigger.severity()).isEqualTo(Severity.MEDIUM);
            assertThat(trigger.evidence()).isEqualTo("10 comments and cases this month mention paperless billing (recurring from 10)");
        });
    }

    @Test
    @DisplayName("twice the threshold is high severity; 9 mentions raise nothing")
    void severity() {
        assertThat(triggersFor("Can I chat with you", 20)).singleElement().satisfies(trigger -> {
            assertThat(trigger.code()).isEqualTo("RECURRING_REQUEST_LIVE_CHAT");
            assertThat(trigger.pillar()).isEqualTo(Pillar.TECHNOLOGY);
            assertThat(trigger.severity()).isEqualTo(Severity.HIGH);
        });
        assertThat(triggersFor("Can I chat with you", 9)).isEmpty();
    }

    @Test
    @DisplayName("one comment mentioning several keywords of a theme counts once; it may count for several themes")
    void countsOncePerTheme() {
        Evaluation evaluation = evaluate(List.of(), List.of(comment("Paperless e-bill by webchat please")));

        assertThat(evaluation.themes()).extracting(RequestThemeCount::label, RequestThemeCount::mentions)
                .containsExactly(tuple("live chat", 1), tuple("paperless billing", 1));
    }

    private static List<ImprovementTrigger> triggersFor(String text, int times) {
        List<RequestText> month = new ArrayList<>();
        for (int number = 0; number < times; number++) {
            month.add(comment(text));
        }
        return evaluate(List.of(), month).triggers();
    }

    private static RequestText comment(String text) {
        return new RequestText(RequestSource.SURVEY_COMMENT, text);
    }

    @Test
    @DisplayName("a month counted page by page gives the same themes and trigger as counting it at once, though no page recurs alone")
    void pageByPage() {
        List<RequestText> month = new ArrayList<>();
        for (int number = 0; number < 12; number++) {
            month.add(comment("Please go paperless, customer " + number));
        }
        month.add(comment("Open on Sunday please"));
        month.add(comment("The agent was chatty and kind"));
        RequestThemeTally tally = new RequestThemeTally();

        for (int from = 0; from < month.size(); from += 5) {
            List<RequestThemeCount> page = countThemes(month.subList(from, Math.min(month.size(), from + 5)));
            assertThat(page).allSatisfy(count -> assertThat(count.mentions()).isLessThan(count.recursAt()));
            tally.add(page);
        }
        Evaluation counted = evaluateCounted(List.of(), tally.counts());
        Evaluation atOnce = evaluate(List.of(), month);

        assertThat(counted.themes()).extracting(RequestThemeCount::label, RequestThemeCount::mentions)
                .containsExactly(tuple("paperless billing", 12), tuple("longer opening hours", 1))
                .isEqualTo(atOnce.themes().stream().map(t -> tuple(t.label(), t.mentions())).toList());
        assertThat(counted.triggers()).isEqualTo(atOnce.triggers()).singleElement()
                .extracting(ImprovementTrigger::evidence)
                .isEqualTo("12 comments and cases this month mention paperless billing (recurring from 10)");
    }
}
