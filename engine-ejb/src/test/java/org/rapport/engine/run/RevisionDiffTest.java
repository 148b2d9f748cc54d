package org.rapport.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.rapport.engine.run.RevisionDiff.Figure;
import org.rapport.engine.run.RevisionDiff.RaisedTrigger;

/** What a re-run of a published month changed: nothing (publish nothing), or the lines its cover lists. */
class RevisionDiffTest {

    private static final List<Figure> PUBLISHED = List.of(
            new Figure("NPS", "overall", new BigDecimal("12.50"), "AMBER"),
            new Figure("CHURN_RATE", "overall", new BigDecimal("2.6"), "GREEN"),
            new Figure("NPS", "segment=Gold", new BigDecimal("30"), "GREEN"));
    private static final List<RaisedTrigger> TRIGGERS = List.of(new RaisedTrigger("NPS_LOW", "Raise NPS"));

    @Test
    void aReRunWithTheSameFiguresRagsAndTriggersIsIdentical() {
        List<Figure> rerun = List.of(
                new Figure("NPS", "overall", new BigDecimal("12.5"), "AMBER"),
                new Figure("CHURN_RATE", "overall", new BigDecimal("2.60"), "GREEN"),
                new Figure("NPS", "segment=Gold", new BigDecimal("30.0"), "GREEN"));

        RevisionDiff diff = new RevisionDiff(PUBLISHED, rerun, TRIGGERS, TRIGGERS);

        assertThat(diff.identical()).isTrue();
        assertThat(diff.lines()).isEmpty();
    }

    @Test
    void listsMovedFiguresOverallFirstAndTriggersAddedAndRemoved() {
        List<Figure> rerun = List.of(
                new Figure("NPS", "overall", new BigDecimal("14.5"), "GREEN"),
                new Figure("CHURN_RATE", "overall", new BigDecimal("2.6"), "GREEN"),
                new Figure("NPS", "segment=Gold", new BigDecimal("31"), "GREEN"));

        RevisionDiff diff = new RevisionDiff(PUBLISHED, rerun, TRIGGERS,
                List.of(new RaisedTrigger("CHURN_HIGH", "Call back customers at risk")));

        assertThat(diff.identical()).isFalse();
        assertThat(diff.lines()).containsExactly(
                "Net Promoter Score: 12.5 → 14.5 (RAG AMBER → GREEN)",
                "Net Promoter Score, segment=Gold: 30 → 31",
                "Trigger added: Call back customers at risk (CHURN_HIGH)",
                "Trigger removed: Raise NPS (NPS_LOW)");
    }

    @Test
    void aFigureThatAppearsOrGoesIsAChange() {
        RevisionDiff diff = new RevisionDiff(PUBLISHED.subList(0, 2),
                List.of(PUBLISHED.get(0), new Figure("CHURN_RATE", "overall", null, "NONE")), TRIGGERS, TRIGGERS);

        assertThat(diff.lines()).containsExactly("Churn rate: 2.6 → no data (RAG GREEN → NONE)");
    }

    @Test
    void aLongListNamesTheFirstFiguresAndCountsTheRest() {
        List<Figure> before = new ArrayList<>();
        List<Figure> after = new ArrayList<>();
        for (int band = 0; band < RevisionDiff.FIGURES_LISTED + 3; band++) {
            before.add(new Figure("NPS", "segment=S" + band, BigDecimal.ONE, "GREEN"));
            after.add(new Figure("NPS", "segment=S" + band, BigDecimal.TEN, "GREEN"));
        }

        List<String> lines = new RevisionDiff(before, after, List.of(), List.of()).lines();

        assertThat(lines).hasSize(RevisionDiff.FIGURES_LISTED + 1)
                .last().isEqualTo("3 more figures by segment, value band or channel changed");
    }
}
