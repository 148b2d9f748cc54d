package org.rapport.bench.month;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The same month's KPIs worked out by DuckDB from the same files, in memory: the floor Rapport is
 * measured against, and an independent check of its figures. DuckDB reads the files into tables the way
 * Rapport's formats read them (an {@code AGENT} is answered, a {@code HANG} after {@code q_start} abandoned
 * in the queue, else in the VRU, a {@code PHANTOM} not a call, customer 0 unknown; Asterisk legs made calls
 * by {@code linkedid} as {@code CdrCall} derives them), then each KPI family
 * is one pass with grouping sets giving overall, segment, value band and channel together. DuckDB gives
 * counts, sums and percentiles; the last division and rounding are Rapport's own ({@link Figure}).
 */
public final class DuckDbKpis {

    /** The published average wait for a human: 9.5 minutes. */
    private static final int PUBLISHED_AVERAGE_SECONDS = 570;
    private static final int SERVICE_LEVEL_SECONDS = 20;
    private static final String DEFAULT_ANNUAL_VALUE = "248";
    private static final String[] CDR_COLUMNS = {"accountcode", "src", "dst", "dcontext", "clid", "channel",
            "dstchannel", "lastapp", "lastdata", "start", "answer", "end", "duration", "billsec", "disposition",
            "amaflags", "uniqueid", "userfield", "peeraccount", "linkedid", "sequence"};

    private final SyntheticMonth.MonthFiles files;
    private final YearMonth month;

    private long loadMillis;
    private long kpiMillis;

    public DuckDbKpis(SyntheticMonth.MonthFiles files, YearMonth month) {
        this.files = files;
        this.month = month;
    }

    /** Reads the files and measures the month; {@link #loadMillis()} and {@link #kpiMillis()} say how long each took. */
    public List<Figure> measure() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement()) {
            long started = System.nanoTime();
            load(statement);
            long loaded = System.nanoTime();
            List<Figure> figures = new ArrayList<>();
            figures.addAll(timeToHuman(statement));
            figures.addAll(callShares(statement));
            figures.addAll(voiceOfCustomer(statement));
            figures.addAll(retention(statement));
            long measured = System.nanoTime();
            loadMillis = (loaded - started) / 1_000_000;
            kpiMillis = (measured - loaded) / 1_000_000;
            return figures;
        }
    }

    public long loadMillis() {
        return loadMillis;
    }

    public long kpiMillis() {
        return kpiMillis;
    }

    private void load(Statement statement) throws SQLException {
        statement.execute("""
                create table customers as
                select customer_id, segment, value_band, cast(customer_since as date) as customer_since,
                       cast(churned_on as date) as churned_on, cast(annual_value as decimal(12, 2)) as annual_value
                from read_csv(%s, header = true, all_varchar = true)""".formatted(literal(files.customers())));
        statement.execute("""
                create table calls as
                select "vru+line" || '/' || call_id as call_ref, nullif(customer_id, '0') as customer_ref,
                       strptime(date || ' ' || vru_entry, '%%y%%m%%d %%H:%%M:%%S') as started_at,
                       cast(vru_time as integer) as ivr, cast(q_time as integer) as queue,
                       case when outcome = 'AGENT' then 'ANSWERED'
                            when q_start <> '0:00:00' then 'ABANDONED_IN_QUEUE'
                            else 'ABANDONED_IN_IVR' end as outcome,
                       outcome = 'AGENT' or q_start <> '0:00:00' as wanted_agent,
                       'phone' as channel
                from read_csv(%s, delim = '\t', header = true, all_varchar = true)
                where outcome <> 'PHANTOM'""".formatted(literal(files.bankCalls())));
        statement.execute("""
                create table legs as
                select * from read_csv(%s, header = false, all_varchar = true, columns = {%s})"""
                .formatted(literal(files.pbxCalls()), String.join(", ", java.util.Arrays.stream(CDR_COLUMNS)
                        .map(c -> "'" + c + "': 'VARCHAR'").toList())));
        // A call is its legs by linkedid: with the IVR until the first leg that rings a person, then waiting until
        // the first answer (or the last ring's end); no ringing leg: self-served when the PBX hung up, else abandoned.
        statement.execute("""
                insert into calls
                select linkedid, max(nullif(accountcode, '')), min(cast("start" as timestamp)),
                       cast(case when first_ring is null then epoch(max(cast("end" as timestamp)))
                                 else epoch(first_ring) end - epoch(min(cast("start" as timestamp))) as integer),
                       cast(case when first_ring is null then 0
                                 when first_answer is null then epoch(last_ring_end) - epoch(first_ring)
                                 else epoch(first_answer) - epoch(first_ring) end as integer),
                       case when first_ring is null then
                                 case when arg_max(lastapp, cast("end" as timestamp)) = 'Hangup' then 'SELF_SERVED'
                                      else 'ABANDONED_IN_IVR' end
                            when first_answer is null then 'ABANDONED_IN_QUEUE'
                            else 'ANSWERED' end,
                       first_ring is not null, 'phone'
                from (select *,
                             min(cast("start" as timestamp)) filter (where rings) over (partition by linkedid) as first_ring,
                             max(cast("end" as timestamp)) filter (where rings) over (partition by linkedid) as last_ring_end,
                             min(cast(answer as timestamp)) filter (where rings and disposition = 'ANSWERED')
                                 over (partition by linkedid) as first_answer
                      from (select *, coalesce(dstchannel, '') <> '' and not starts_with(lower(dstchannel), 'local/')
                                      as rings from legs))
                group by linkedid, first_ring, last_ring_end, first_answer""");
        String[] qualtricsColumns = {"StartDate", "EndDate", "Status", "IPAddress", "Progress", "Duration",
                "Finished", "RecordedDate", "ResponseId", "RecipientLastName", "RecipientFirstName", "RecipientEmail",
                "ExternalReference", "LocationLatitude", "LocationLongitude", "DistributionChannel", "UserLanguage",
                "Q1", "Q2", "Q3", "Q4"};
        statement.execute("""
                create table answers as
                select customer_id as customer_ref, cast(responded_at as timestamp) as responded_at,
                       touchpoint as channel, cast(nps as integer) as nps, cast(csat as integer) as csat,
                       cast(effort as integer) as effort
                from read_csv(%s, header = true, all_varchar = true)
                union all
                select ExternalReference, strptime(RecordedDate, '%%Y-%%m-%%d %%H:%%M:%%S'), 'email',
                       cast(Q1 as integer), cast(Q2 as integer), cast(Q3 as integer)
                from read_csv(%s, header = false, skip = 3, all_varchar = true, names = [%s])"""
                .formatted(literal(files.surveys()), literal(files.qualtrics()),
                        String.join(", ", java.util.Arrays.stream(qualtricsColumns).map(c -> "'" + c + "'").toList())));
    }

    private List<Figure> timeToHuman(Statement statement) throws SQLException {
        List<Figure> figures = new ArrayList<>();
        for (Slice slice : slices(statement, "calls x", "x.channel", """
                count(*), avg(x.ivr + x.queue), count_if(x.ivr + x.queue > %d),
                quantile_cont(x.ivr + x.queue, 0.9)""".formatted(PUBLISHED_AVERAGE_SECONDS),
                "x.outcome = 'ANSWERED' and x.wanted_agent and " + inMonth("x.started_at"))) {
            long reached = slice.count(0);
            figures.add(new Figure("TIME_TO_HUMAN_MEAN", slice.dimension, Figure.minutes(slice.number(1)), reached));
            figures.add(new Figure("TIME_TO_HUMAN_P90", slice.dimension, Figure.minutes(slice.number(3)), reached));
            figures.add(new Figure("TIME_TO_HUMAN_OVER_9_5", slice.dimension,
                    Figure.percent(slice.count(2), reached), reached));
        }
        return figures;
    }

    private List<Figure> callShares(Statement statement) throws SQLException {
        List<Figure> figures = new ArrayList<>();
        for (Slice slice : slices(statement, "calls x", "x.channel", """
                count(*), count_if(x.outcome = 'ABANDONED_IN_IVR'),
                count_if(x.outcome = 'ANSWERED'), avg(x.queue) filter (where x.outcome = 'ANSWERED'),
                count_if(x.outcome in ('ANSWERED', 'ABANDONED_IN_QUEUE')),
                count_if(x.outcome = 'ANSWERED' and x.queue <= %d),
                count_if(x.outcome = 'ABANDONED_IN_QUEUE')""".formatted(SERVICE_LEVEL_SECONDS),
                inMonth("x.started_at"))) {
            figures.add(new Figure("IVR_ABANDONMENT", slice.dimension, Figure.percent(slice.count(1), slice.count(0)),
                    slice.count(0)));
            figures.add(new Figure("AVERAGE_SPEED_OF_ANSWER", slice.dimension, Figure.number(slice.number(3)),
                    slice.count(2)));
            long queuedOrAnswered = slice.count(4);
            figures.add(new Figure("SERVICE_LEVEL", slice.dimension, Figure.percent(slice.count(5), queuedOrAnswered),
                    queuedOrAnswered));
            figures.add(new Figure("QUEUE_ABANDONMENT", slice.dimension,
                    Figure.percent(slice.count(6), queuedOrAnswered), queuedOrAnswered));
        }
        return figures;
    }

    private List<Figure> voiceOfCustomer(Statement statement) throws SQLException {
        List<Figure> figures = new ArrayList<>();
        for (Slice slice : slices(statement, "answers x", "x.channel", """
                count(x.nps), count_if(x.nps >= 9), count_if(x.nps <= 6),
                count(x.csat), count_if(x.csat >= 4), count(x.effort), avg(x.effort)""",
                inMonth("x.responded_at"))) {
            long nps = slice.count(0);
            figures.add(new Figure("NPS", slice.dimension, Figure.percent(slice.count(1) - slice.count(2), nps), nps));
            figures.add(new Figure("CSAT", slice.dimension, Figure.percent(slice.count(4), slice.count(3)),
                    slice.count(3)));
            figures.add(new Figure("EFFORT", slice.dimension, Figure.number(slice.number(6)), slice.count(5)));
        }
        return figures;
    }

    private List<Figure> retention(Statement statement) throws SQLException {
        String start = "date '" + month.atDay(1) + "'";
        String end = "date '" + month.plusMonths(1).atDay(1) + "'";
        String activeAtStart = "(k.customer_since is null or k.customer_since < %1$s) and (k.churned_on is null or k.churned_on >= %1$s)"
                .formatted(start);
        String lost = "k.churned_on >= %s and k.churned_on < %s".formatted(start, end);
        List<Figure> figures = new ArrayList<>();
        for (Slice slice : slices(statement, null, null, """
                count_if(%1$s), count_if(%2$s), sum(case when %2$s then coalesce(k.annual_value, %3$s) else 0 end)"""
                .formatted(activeAtStart, lost, DEFAULT_ANNUAL_VALUE), "(" + activeAtStart + ") or (" + lost + ")")) {
            long active = slice.count(0);
            long churners = slice.count(1);
            figures.add(new Figure("CHURN_RATE", slice.dimension, Figure.percent(churners, active), active));
            BigDecimal valueLost = churners == 0 ? BigDecimal.ZERO : new BigDecimal(slice.values[2].toString());
            figures.add(new Figure("VALUE_LOST", slice.dimension,
                    active == 0 ? null : valueLost.setScale(2, java.math.RoundingMode.HALF_UP), churners));
        }
        return figures;
    }

    /**
     * One pass over {@code from} (alias {@code x}, joined to its customer {@code k}; the customers themselves
     * when null): overall, by segment, by value band and, when {@code channel} is given, by channel. A slice
     * whose key is unknown is left out of its breakdown, as Rapport leaves it out.
     */
    private List<Slice> slices(Statement statement, String from, String channel, String aggregates, String where)
            throws SQLException {
        String source = from == null ? "customers k" : from + " left join customers k on k.customer_id = x.customer_ref";
        String sets = "(), (k.segment), (k.value_band)" + (channel == null ? "" : ", (" + channel + ")");
        String query = "select grouping(k.segment), grouping(k.value_band), "
                + (channel == null ? "1, null" : "grouping(" + channel + "), " + channel)
                + ", k.segment, k.value_band, " + aggregates + " from " + source + " where " + where
                + " group by grouping sets (" + sets + ")";
        List<Slice> slices = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery(query)) {
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                String dimension;
                if (rows.getInt(1) == 0) {
                    dimension = key("segment", rows.getString(5));
                } else if (rows.getInt(2) == 0) {
                    dimension = key("value_band", rows.getString(6));
                } else if (rows.getInt(3) == 0) {
                    dimension = key("channel", rows.getString(4));
                } else {
                    dimension = Figure.OVERALL;
                }
                if (dimension == null) {
                    continue;
                }
                Object[] values = new Object[columns - 6];
                for (int column = 7; column <= columns; column++) {
                    values[column - 7] = rows.getObject(column);
                }
                slices.add(new Slice(dimension, values));
            }
        }
        return slices;
    }

    private static String key(String name, String value) {
        return value == null ? null : name + "=" + value;
    }

    private String inMonth(String column) {
        return "%1$s >= timestamp '%2$s 00:00:00' and %1$s < timestamp '%3$s 00:00:00'".formatted(column,
                month.atDay(1), month.plusMonths(1).atDay(1));
    }

    private static String literal(Path file) {
        return "'" + file.toAbsolutePath().toString().replace("'", "''") + "'";
    }

    private record Slice(String dimension, Object[] values) {
        long count(int index) {
            return values[index] == null ? 0 : ((Number) values[index]).longValue();
        }

        Double number(int index) {
            return values[index] == null ? null : ((Number) values[index]).doubleValue();
        }
    }

}
