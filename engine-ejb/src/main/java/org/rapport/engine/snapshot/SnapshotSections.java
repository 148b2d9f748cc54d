package org.rapport.engine.snapshot;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.rapport.engine.intake.SourceKind;
import org.rapport.engine.kpi.KpiCatalogue;
import org.rapport.engine.kpi.KpiDefinition;
import org.rapport.rules.facts.Figures;

/**
 * The parts of a snapshot that follow from the run's stored KPI lines and triggers alone, as plain
 * functions: {@link RunSnapshotReader} uses them with what it queried, and a snapshot built by hand
 * (tests, a snapshot from an older version) gets the same sections.
 */
public final class SnapshotSections {

    /** The dimension of a company-wide figure; a slice's is e.g. "value_band=high". */
    public static final String OVERALL = "overall";

    /** How many improvements and declines "what we do well and badly" shows. */
    static final int MOVEMENTS_SHOWN = 3;

    static final List<String> PILLARS = List.of("STAFF", "PROCESS", "TECHNOLOGY");

    private static final List<String> SEVERITY_ORDER = List.of("HIGH", "MEDIUM", "LOW");

    private SnapshotSections() {
    }

    /** The overall line of {@code code}, if the run stored one. */
    static Optional<KpiLine> overall(List<KpiLine> kpis, String code) {
        return kpis.stream().filter(kpi -> kpi.code().equals(code) && OVERALL.equals(kpi.dimension())).findFirst();
    }

    /**
     * The executive summary's tiles; a headline KPI the run did not store still gets its tile, with no value.
     *
     * @param trends earlier months' values per code, oldest first (without the pack's month); codes may be missing
     */
    public static List<HeadlineTile> headlines(YearMonth month, List<KpiLine> kpis,
            Map<String, List<TrendPoint>> trends) {
        List<HeadlineTile> tiles = new ArrayList<>();
        for (String code : KpiTraits.HEADLINE_CODES) {
            Optional<KpiLine> line = overall(kpis, code);
            KpiDefinition definition = KpiTraits.definition(code);
            List<TrendPoint> trend = new ArrayList<>(trendBefore(month, trends.getOrDefault(code, List.of())));
            trend.add(new TrendPoint(month, line.map(KpiLine::value).orElse(null)));
            tiles.add(new HeadlineTile(code, line.map(KpiLine::name).orElse(definition.name()),
                    line.map(KpiLine::unit).orElse(definition.unit()),
                    line.map(KpiLine::value).orElse(null), line.map(KpiLine::target).orElse(null),
                    line.map(KpiLine::previous).orElse(null), line.map(KpiLine::rag).orElse("NONE"),
                    KpiTraits.direction(code).orElse(null), line.map(KpiLine::sampleSize).orElse(0L), trend));
        }
        return tiles;
    }

    /** The eleven months before {@code month}, each with its known value or null. */
    private static List<TrendPoint> trendBefore(YearMonth month, List<TrendPoint> known) {
        Map<YearMonth, BigDecimal> byMonth = new LinkedHashMap<>();
        known.forEach(point -> byMonth.put(point.month(), point.value()));
        List<TrendPoint> points = new ArrayList<>();
        for (int back = 11; back >= 1; back--) {
            YearMonth earlier = month.minusMonths(back);
            points.add(new TrendPoint(earlier, byMonth.get(earlier)));
        }
        return points;
    }

    /**
     * The largest improvements and declines against last month among the overall KPI lines with both
     * values and a known direction whose shown figure moved ({@link Figures}), ranked by the size of the change relative to last month's value (so
     * pounds and percentages compare), largest first; ties by catalogue order.
     */
    public static Movements movements(List<KpiLine> kpis) {
        List<KpiMovement> improvements = new ArrayList<>();
        List<KpiMovement> declines = new ArrayList<>();
        int comparable = 0;
        for (KpiLine kpi : kpis) {
            Optional<KpiDirection> direction = KpiTraits.direction(kpi.code());
            if (!OVERALL.equals(kpi.dimension()) || kpi.value() == null || kpi.previous() == null
                    || direction.isEmpty()) {
                continue;
            }
            comparable++;
            // Between the figures as shown, so the change reads as the difference of the two numbers beside it
            // and a move too small to show is not called an improvement or a decline.
            BigDecimal change = Figures.shown(kpi.value(), kpi.unit())
                    .subtract(Figures.shown(kpi.previous(), kpi.unit()));
            if (change.signum() == 0) {
                continue;
            }
            boolean improved = (change.signum() > 0) == (direction.get() == KpiDirection.HIGHER_IS_BETTER);
            KpiMovement movement = new KpiMovement(kpi.code(), kpi.name(), kpi.unit(), kpi.previous(), kpi.value(),
                    change, direction.get(), improved);
            (improved ? improvements : declines).add(movement);
        }
        Comparator<KpiMovement> largestFirst = Comparator.comparing(SnapshotSections::relativeSize).reversed()
                .thenComparingInt(movement -> KpiCatalogue.position(movement.code()));
        improvements.sort(largestFirst);
        declines.sort(largestFirst);
        return new Movements(first(improvements), first(declines), comparable);
    }

    private static BigDecimal relativeSize(KpiMovement movement) {
        BigDecimal base = movement.previous().abs().max(BigDecimal.ONE);
        return movement.change().abs().divide(base, MathContext.DECIMAL64);
    }

    private static List<KpiMovement> first(List<KpiMovement> movements) {
        return movements.subList(0, Math.min(MOVEMENTS_SHOWN, movements.size()));
    }

    /** The overall KPI lines of one family, in the order the run's lines come (slices are in the appendix). */
    public static List<KpiLine> family(List<KpiLine> kpis, KpiTraits.Family family) {
        return kpis.stream().filter(kpi -> OVERALL.equals(kpi.dimension())
                && KpiTraits.family(kpi.code()).filter(family::equals).isPresent()).toList();
    }

    /**
     * The scorecard: for each of the five moments and the companion measures, the overall KPI lines the
     * run stored, or one line without a KPI when nothing measures that moment yet.
     */
    public static List<MomentOfTruthLine> momentsOfTruth(List<KpiLine> kpis) {
        List<MomentOfTruthLine> lines = new ArrayList<>();
        for (int moment = 1; moment <= 6; moment++) {
            String title = KpiTraits.MOMENTS.get(moment);
            int current = moment;
            List<KpiLine> measured = kpis.stream()
                    .filter(kpi -> OVERALL.equals(kpi.dimension()) && KpiTraits.moment(kpi.code()) == current)
                    .sorted(Comparator.comparingInt(kpi -> KpiTraits.codesOfMoment(current).indexOf(kpi.code())))
                    .toList();
            if (measured.isEmpty()) {
                lines.add(new MomentOfTruthLine(moment, title, null));
            } else {
                measured.forEach(kpi -> lines.add(new MomentOfTruthLine(current, title, kpi)));
            }
        }
        return lines;
    }

    /** Most severe first, then as stored. */
    public static List<TriggerLine> bySeverity(List<TriggerLine> triggers) {
        return triggers.stream().sorted(Comparator.comparingInt(SnapshotSections::severityRank)).toList();
    }

    private static int severityRank(TriggerLine trigger) {
        int rank = SEVERITY_ORDER.indexOf(trigger.severity());
        return rank < 0 ? SEVERITY_ORDER.size() : rank;
    }

    /** This month's triggers under their pillar (all three pillars always), and last month's. */
    public static ActionPoints actionPoints(YearMonth month, List<TriggerLine> triggers, boolean lastMonthRun,
            List<TriggerLine> lastMonthTriggers) {
        Set<String> pillars = new LinkedHashSet<>(PILLARS);
        triggers.forEach(trigger -> pillars.add(trigger.pillar()));
        List<ActionPoints.Pillar> byPillar = pillars.stream()
                .map(pillar -> new ActionPoints.Pillar(pillar, bySeverity(triggers.stream()
                        .filter(trigger -> pillar.equals(trigger.pillar())).toList())))
                .toList();
        return new ActionPoints(byPillar, month.minusMonths(1), lastMonthRun, bySeverity(lastMonthTriggers));
    }

    /** One line per source kind from the run's files; kinds that delivered nothing have 0 files. */
    public static List<Appendix.Coverage> coverage(List<BatchLine> batches) {
        List<Appendix.Coverage> coverage = new ArrayList<>();
        for (SourceKind kind : SourceKind.values()) {
            List<BatchLine> ofKind = batches.stream().filter(batch -> kind.name().equals(batch.kind())).toList();
            coverage.add(new Appendix.Coverage(kind.name(), ofKind.size(),
                    ofKind.stream().mapToLong(BatchLine::rowsAccepted).sum(),
                    ofKind.stream().mapToLong(BatchLine::rowsQuarantined).sum()));
        }
        return coverage;
    }

    /** The catalogue's definitions, then those of codes the run stored that the catalogue lacks. */
    public static List<KpiDefinition> definitions(List<KpiLine> kpis) {
        Map<String, KpiDefinition> definitions = new LinkedHashMap<>();
        KpiCatalogue.all().forEach(definition -> definitions.put(definition.code(), definition));
        kpis.forEach(kpi -> definitions.computeIfAbsent(kpi.code(), KpiTraits::definition));
        return List.copyOf(definitions.values());
    }
}
