package org.rapport.engine.snapshot;

import java.math.BigDecimal;
import java.util.List;

/**
 * What customers tell us and whether we hear all of them.
 *
 * @param kpis           the voice-of-the-customer KPIs the run stored (NPS, CSAT, survey reach …)
 * @param reachByBand    survey reach per value band among customers active at month end
 * @param reachGap       best band's reach minus worst band's, in percentage points (customers without a
 *                       band left out); null with fewer than two bands that have customers
 * @param commentsInMonth survey comments given in the month (all customers)
 * @param verbatims      a few of them, scrubbed of personal data, from customers who consented to analytics
 */
public record VoiceOfCustomer(List<KpiLine> kpis, List<BandReach> reachByBand, BigDecimal reachGap,
        long commentsInMonth, List<Verbatim> verbatims) {

    public VoiceOfCustomer {
        kpis = List.copyOf(kpis);
        reachByBand = List.copyOf(reachByBand);
        verbatims = List.copyOf(verbatims);
    }

    public static VoiceOfCustomer of(List<KpiLine> kpis) {
        return new VoiceOfCustomer(kpis, List.of(), null, 0, List.of());
    }

    /**
     * @param valueBand "high", "medium", "low" … or "unknown" for customers without a band
     * @param active    customers active at month end
     * @param heard     of them, those with a survey response in the 12 months to month end
     * @param reach     heard / active × 100, two decimals; null when the band has no active customer
     */
    public record BandReach(String valueBand, long active, long heard, BigDecimal reach) {
    }

    /**
     * One anonymised comment.
     *
     * @param tone       "promoter", "passive", "detractor" (from the NPS answer) or "unrated"
     * @param touchpoint where the survey was taken, e.g. "call"; null when unknown
     * @param nps        the NPS answer, null when not given
     * @param text       the comment after {@link VerbatimScrubber}
     */
    public record Verbatim(String tone, String touchpoint, Integer nps, String text) {
    }
}
