package org.rapport.reports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.rapport.engine.kpi.Breakdown;
import org.rapport.engine.kpi.KpiCatalogue;
import org.rapport.engine.snapshot.KpiLine;
import org.rapport.engine.snapshot.KpiTraits;
import org.rapport.engine.snapshot.SnapshotSections;

/**
 * The headline KPIs by the slices of one breakdown, as a compact table: one row per KPI, its overall figure,
 * then one column per slice (value band high, medium, low …). A run stores every KPI by every breakdown it
 * publishes — a couple of hundred lines — which no board reads line by line; side by side, "NPS is 20 points
 * lower in the low value band" is seen at a glance.
 *
 * <p>At most {@value #MAX_SLICES} slice columns fit A4 portrait; with more, the largest slices (by
 * observations) are shown and a note names the others (every slice stays in the API). A figure resting on
 * fewer than {@value #SMALL_SAMPLE} observations is starred.
 *
 * @param columns the slices shown, as the board reads them ("High", "Month-to-month")
 * @param rows    one per KPI that is broken down this way, in {@link #CODES} order
 * @param note    what the star means, and the slices left out; null when neither applies
 */
record BreakdownMatrix(List<String> columns, List<Row> rows, String note) {

    static final int MAX_SLICES = 5;

    /** Fewer observations than this and a slice's figure is starred: read with care. */
    static final long SMALL_SAMPLE = 30;

    static final String SMALL_SAMPLE_MARK = "*";

    /** The executive summary's headline KPIs, with survey reach after NPS: DESIGN.md asks for reach by band. */
    static final List<String> CODES = List.of(KpiTraits.ENGAGEMENT_INDEX, KpiCatalogue.NPS, KpiCatalogue.SURVEY_REACH,
            KpiCatalogue.CHURN_RATE, KpiCatalogue.VALUE_LOST, KpiCatalogue.TIME_TO_HUMAN_P90,
            KpiTraits.FIRST_CONTACT_RESOLUTION);

    /** Value bands read from best to worst customers, whatever order the CRM's codes sort in. */
    private static final List<String> BAND_ORDER = List.of("high", "medium", "low");

    /**
     * @param kpi     the KPI's name
     * @param overall the company-wide figure
     * @param cells   one per column: the slice's figure, starred when its sample is small, or "no data"
     */
    record Row(String kpi, String overall, List<String> cells) {

        Row {
            cells = List.copyOf(cells);
        }
    }

    BreakdownMatrix {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /** True when the run stored no slice of these KPIs by this breakdown. */
    boolean isEmpty() {
        return columns.isEmpty();
    }

    static BreakdownMatrix of(Breakdown breakdown, List<KpiLine> kpis, KpiFormatter formatter) {
        Map<String, List<KpiLine>> slicesByCode = new LinkedHashMap<>();
        for (String code : CODES) {
            List<KpiLine> slices = kpis.stream().filter(kpi -> kpi.code().equals(code)
                    && kpi.dimension() != null && kpi.dimension().startsWith(breakdown.prefix())).toList();
            if (!slices.isEmpty() || KpiTraits.definition(code).breakdowns().contains(breakdown.dimensionName())) {
                slicesByCode.put(code, slices);
            }
        }
        List<String> values = sliceValues(breakdown, slicesByCode.values().stream().flatMap(List::stream).toList());
        List<String> shown = values.subList(0, Math.min(MAX_SLICES, values.size()));
        List<Row> rows = new ArrayList<>();
        boolean small = false;
        for (Map.Entry<String, List<KpiLine>> entry : slicesByCode.entrySet()) {
            List<String> cells = new ArrayList<>();
            for (String value : shown) {
                Optional<KpiLine> slice = entry.getValue().stream()
                        .filter(kpi -> kpi.dimension().equals(breakdown.dimension(value))).findFirst();
                boolean starred = slice.filter(kpi -> kpi.value() != null && kpi.sampleSize() < SMALL_SAMPLE).isPresent();
                small |= starred;
                cells.add(slice.map(kpi -> formatter.format(kpi.value(), kpi.unit())).orElse(KpiFormatter.NO_DATA)
                        + (starred ? SMALL_SAMPLE_MARK : ""));
            }
            Optional<KpiLine> overall = kpis.stream().filter(kpi -> kpi.code().equals(entry.getKey())
                    && SnapshotSections.OVERALL.equals(kpi.dimension())).findFirst();
            String unit = overall.map(KpiLine::unit).orElse(KpiTraits.definition(entry.getKey()).unit());
            rows.add(new Row(overall.map(KpiLine::name).orElse(KpiTraits.definition(entry.getKey()).name()),
                    formatter.format(overall.map(KpiLine::value).orElse(null), unit), cells));
        }
        List<String> columns = shown.stream().map(PackWording::words).toList();
        return new BreakdownMatrix(columns, values.isEmpty() ? List.of() : rows,
                note(breakdown, small, values.subList(shown.size(), values.size())));
    }

    /**
     * The slice values stored, in reading order: value bands best first, other breakdowns alphabetically;
     * when there are more than fit, the ones with the most observations.
     */
    private static List<String> sliceValues(Breakdown breakdown, List<KpiLine> slices) {
        Map<String, Long> observations = new LinkedHashMap<>();
        slices.forEach(slice -> observations.merge(slice.dimension().substring(breakdown.prefix().length()),
                slice.sampleSize(), Long::sum));
        Comparator<String> reading = breakdown == Breakdown.VALUE_BAND
                ? Comparator.comparingInt(BreakdownMatrix::bandRank).thenComparing(String.CASE_INSENSITIVE_ORDER)
                : String.CASE_INSENSITIVE_ORDER;
        List<String> largestFirst = observations.keySet().stream()
                .sorted(Comparator.comparing((String value) -> observations.get(value)).reversed().thenComparing(reading))
                .toList();
        List<String> shown = new ArrayList<>(largestFirst.subList(0, Math.min(MAX_SLICES, largestFirst.size())));
        shown.sort(reading);
        List<String> left = new ArrayList<>(largestFirst.subList(shown.size(), largestFirst.size()));
        left.sort(reading);
        shown.addAll(left);
        return shown;
    }

    private static int bandRank(String band) {
        int rank = BAND_ORDER.indexOf(band.toLowerCase(Locale.ROOT));
        return rank < 0 ? BAND_ORDER.size() : rank;
    }

    private static String note(Breakdown breakdown, boolean small, List<String> left) {
        List<String> sentences = new ArrayList<>();
        if (small) {
            sentences.add(SMALL_SAMPLE_MARK + " fewer than " + SMALL_SAMPLE + " observations: read with care.");
        }
        if (!left.isEmpty()) {
            sentences.add("Not shown for lack of room: " + String.join(", ", left.stream().map(PackWording::words)
                    .toList()) + " (the " + PackWording.words(breakdown.dimensionName()).toLowerCase(Locale.UK)
                    + "s with the fewest observations); every slice is in the API,"
                    + " GET /api/runs/{id}/kpis/{code}/breakdowns.");
        }
        return sentences.isEmpty() ? null : String.join(" ", sentences);
    }
}
