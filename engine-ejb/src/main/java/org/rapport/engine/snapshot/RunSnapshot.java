package org.rapport.engine.snapshot;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * Everything a board pack shows for one run, read from what the run stored and from aggregate queries
 * over the month's data — figures, counts and scrubbed comments, never a customer's name, id or
 * contact details — so the same snapshot always renders the same pack.
 *
 * @param runId           the run
 * @param month           the month measured
 * @param companyName     as configured for the installation
 * @param ruleSetVersion  e.g. "v1 default (3f2a9c1b)"
 * @param measuredAt      when the run started
 * @param kpis            every KPI line the run stored, catalogue order
 * @param triggers        improvement triggers raised, most severe first
 * @param sourceBatches   the delivered files the run used, with their checksums
 * @param headlines       the executive summary's tiles
 * @param movements       what we do well and badly
 * @param engagement      engagement stages and movement
 * @param voice           voice of the customer
 * @param retention       churn, reasons against the baseline, value lost
 * @param momentsOfTruth  the moments-of-truth scorecard
 * @param actions         action points by pillar, and last month's
 * @param appendix        coverage, quarantine, definitions, rule-set checksum
 * @param notice          revision and incomplete-data notices for the cover; {@link PackNotice#NONE} when none
 */
public record RunSnapshot(long runId, YearMonth month, String companyName, String ruleSetVersion, Instant measuredAt,
        List<KpiLine> kpis, List<TriggerLine> triggers, List<BatchLine> sourceBatches,
        List<HeadlineTile> headlines, Movements movements, EngagementStages engagement, VoiceOfCustomer voice,
        Retention retention, List<MomentOfTruthLine> momentsOfTruth, ActionPoints actions, Appendix appendix, PackNotice notice) {

    public RunSnapshot {
        // snapshots archived before notices existed read back with none
        notice = notice == null ? PackNotice.NONE : notice;
        kpis = List.copyOf(kpis);
        triggers = List.copyOf(triggers);
        sourceBatches = List.copyOf(sourceBatches);
        headlines = List.copyOf(headlines);
        momentsOfTruth = List.copyOf(momentsOfTruth);
    }

    /**
     * A snapshot of the stored KPI lines, triggers and files alone: the sections that follow from them are
     * derived; those that need the month's data (trends, stages, reach by band, verbatims, churn reasons,
     * last month's actions, quarantine by field) are empty and the pack says it has no data for them.
     * (A factory rather than a second constructor: a record with one constructor reads back from JSON.)
     */
    public static RunSnapshot of(long runId, YearMonth month, String companyName, String ruleSetVersion,
            Instant measuredAt, List<KpiLine> kpis, List<TriggerLine> triggers, List<BatchLine> sourceBatches) {
        return new RunSnapshot(runId, month, companyName, ruleSetVersion, measuredAt, kpis, triggers, sourceBatches,
                SnapshotSections.headlines(month, kpis, Map.of()),
                SnapshotSections.movements(kpis),
                EngagementStages.of(SnapshotSections.family(kpis, KpiTraits.Family.ENGAGEMENT)),
                VoiceOfCustomer.of(SnapshotSections.family(kpis, KpiTraits.Family.VOICE_OF_CUSTOMER)),
                Retention.of(SnapshotSections.family(kpis, KpiTraits.Family.RETENTION)),
                SnapshotSections.momentsOfTruth(kpis),
                SnapshotSections.actionPoints(month, triggers, false, List.of()),
                new Appendix(SnapshotSections.coverage(sourceBatches), List.of(), SnapshotSections.definitions(kpis),
                        null), PackNotice.NONE);
    }

    /** The same snapshot with {@code newNotice} on its cover. */
    public RunSnapshot withNotice(PackNotice newNotice) {
        return new RunSnapshot(runId, month, companyName, ruleSetVersion, measuredAt, kpis, triggers, sourceBatches,
                headlines, movements, engagement, voice, retention, momentsOfTruth, actions, appendix, newNotice);
    }
}
