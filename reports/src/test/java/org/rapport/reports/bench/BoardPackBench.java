package org.rapport.reports.bench;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.Persistence;

import org.h2.jdbcx.JdbcDataSource;
import org.rapport.engine.action.ActionFollowUp;
import org.rapport.engine.action.ActionStatus;
import org.rapport.engine.action.FollowUpSignal;
import org.rapport.engine.intake.SourceBatch;
import org.rapport.engine.intake.SourceKind;
import org.rapport.engine.kpi.KpiCatalogue;
import org.rapport.engine.kpi.KpiDefinition;
import org.rapport.engine.kpi.KpiValue;
import org.rapport.engine.run.Run;
import org.rapport.engine.run.RunOrigin;
import org.rapport.engine.run.SnapshotArchive;
import org.rapport.engine.run.Trigger;
import org.rapport.engine.ruleset.RuleSetStatus;
import org.rapport.engine.ruleset.RuleSetVersion;
import org.rapport.engine.snapshot.RunSnapshot;
import org.rapport.engine.snapshot.RunSnapshotReader;
import org.rapport.reports.BoardPackRenderer;

/**
 * How long a board pack takes, from what a month stored to PDF bytes: reading the run snapshot
 * (aggregate queries) and rendering it, then re-issuing it from the snapshot archived as JSON (the
 * {@code GET /api/runs/{id}/pack/again} path: read back, render). Not a test — timings depend on the machine — but a main to run
 * by hand and quote:
 *
 * <pre>
 * ./mvnw -B -o -pl reports test-compile
 * java -cp "reports/target/test-classes:reports/target/classes:$(./mvnw -q -o -pl reports \
 *   dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)" \
 *   -Djava.awt.headless=true org.rapport.reports.bench.BoardPackBench 500 100000
 * </pre>
 *
 * With {@code -Dbench.out=<folder>} the last pack of each size is written there to look at.
 *
 * For each size it builds a month in a fresh in-memory H2 database with set-based inserts: that many
 * customers (5 % without consent to analytics, about 1.7 % leaving in the month with a reason), 1.2 survey
 * responses per customer a year over twelve months (40 % with a comment), engagement scores for the
 * consenting customers this month and last, eleven earlier published runs with KPI values (for the trend
 * lines) and this month's run with its KPI values and triggers. Every run stores every catalogue KPI
 * overall and by each breakdown it publishes (3 segments, 3 value bands, 4 channels, engaged or not):
 * about 220 lines a month, as a real month stores. Last month's action points carry statuses and this
 * month's run has followed them up. 500 customers is the sample company.
 */
public final class BoardPackBench {

    private static final YearMonth MONTH = YearMonth.of(2026, 10);
    private static final int WARM_ROUNDS = 3;

    private BoardPackBench() {
    }

    public static void main(String[] args) {
        List<Integer> sizes = args.length == 0 ? List.of(500, 100_000)
                : java.util.Arrays.stream(args).map(Integer::valueOf).toList();
        BoardPackRenderer renderer = new BoardPackRenderer();
        boolean firstRender = true;
        for (int customers : sizes) {
            EntityManagerFactory factory = factory("bench-" + customers);
            long start = System.nanoTime();
            long runId = inTransaction(factory, em -> generate(em, customers));
            System.out.printf("%,d customers: month generated in %,d ms%n", customers, millis(start));

            RunSnapshot snapshot = null;
            for (int round = 0; round <= WARM_ROUNDS; round++) {
                long read = System.nanoTime();
                long cpu = cpu();
                snapshot = inTransaction(factory, em -> new RunSnapshotReader(em).read(runId, "Bench Telco"));
                System.out.printf("  read snapshot (%s): %,d ms (%,d ms CPU)%n", round == 0 ? "first" : "again",
                        millis(read), (cpu() - cpu) / 1_000_000);
            }
            for (int round = 0; round <= WARM_ROUNDS; round++) {
                long render = System.nanoTime();
                long cpu = cpu();
                byte[] pdf = renderer.render(snapshot);
                System.out.printf("  render (%s): %,d ms (%,d ms CPU), %,d bytes%n",
                        firstRender ? "first in this JVM: templates loaded, JasperReports started" : "warm",
                        millis(render), (cpu() - cpu) / 1_000_000, pdf.length);
                firstRender = false;
                if (round == WARM_ROUNDS && System.getProperty("bench.out") != null) {
                    writePack(pdf, java.nio.file.Path.of(System.getProperty("bench.out"), "board-pack-" + customers + ".pdf"));
                }
            }
            for (int round = 0; round <= WARM_ROUNDS; round++) {
                long archive = System.nanoTime();
                String json = SnapshotArchive.toJson(snapshot);
                long archived = System.nanoTime();
                RunSnapshot readBack = SnapshotArchive.fromJson(json);
                long readBackAt = System.nanoTime();
                byte[] reissued = renderer.render(readBack);
                System.out.printf("  re-issue from the archived snapshot (%s): JSON %,d bytes written in %,d ms, read back"
                                + " in %,d ms, rendered in %,d ms, %,d bytes%n", round == 0 ? "first" : "again",
                        json.length(), (archived - archive) / 1_000_000, (readBackAt - archived) / 1_000_000,
                        millis(readBackAt), reissued.length);
            }
            System.out.printf("  snapshot: %d KPI lines (%d company-wide), %d stages (%,d scored), %d value bands, "
                            + "%d verbatims, %,d churners, %d of last month's actions followed up%n",
                    snapshot.kpis().size(), snapshot.kpis().stream().filter(kpi -> "overall".equals(kpi.dimension()))
                            .count(), snapshot.engagement().stages().size(), snapshot.engagement().scored(),
                    snapshot.voice().reachByBand().size(), snapshot.voice().verbatims().size(),
                    snapshot.retention().churned(), snapshot.actions().lastMonthActions().stream()
                            .filter(action -> action.followUp() != null).count());
            factory.close();
        }
    }

    /**
     * CPU time of this thread: the reader's queries (H2 in memory runs them on the calling thread) and the
     * render. Worth printing beside wall-clock time on a shared machine, where other work stretches the latter.
     */
    private static long cpu() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    private static void writePack(byte[] pdf, java.nio.file.Path file) {
        try {
            java.nio.file.Files.write(file, pdf);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static long millis(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }

    private static EntityManagerFactory factory(String name) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        Map<String, Object> properties = new HashMap<>();
        properties.put("jakarta.persistence.transactionType", "RESOURCE_LOCAL");
        properties.put("jakarta.persistence.jtaDataSource", dataSource);
        properties.put("jakarta.persistence.nonJtaDataSource", dataSource);
        // the unit's own schema handling: the migrations make the schema, Hibernate validates it
        if (Boolean.getBoolean("bench.slowQueries")) {
            properties.put("hibernate.log_slow_query", "50");
        }
        return Persistence.createEntityManagerFactory("rapport", properties);
    }

    private static <T> T inTransaction(EntityManagerFactory factory, Function<EntityManager, T> work) {
        EntityManager em = factory.createEntityManager();
        EntityTransaction transaction = em.getTransaction();
        try {
            transaction.begin();
            T result = work.apply(em);
            transaction.commit();
            return result;
        } finally {
            if (transaction.isActive()) {
                transaction.rollback();
            }
            em.close();
        }
    }

    private static long generate(EntityManager em, int customers) {
        RuleSetVersion rules = new RuleSetVersion("default", "ab".repeat(32), "bench", Instant.parse("2026-01-01T00:00:00Z"),
                RuleSetStatus.ACTIVE);
        em.persist(rules);
        SourceBatch crm = batch(em, SourceKind.CUSTOMERS);
        SourceBatch surveys = batch(em, SourceKind.SURVEY_RESPONSES);
        em.flush();

        // customers: ids like the sample's (1234-ABCDE); bands by value; 1 in 60 leaves in October
        execute(em, """
                insert into customer (id, version, external_id, segment, region, value_band, customer_since, status,
                                      churned_on, churn_reason, annual_value, preferred_channel, consent_analytics,
                                      consent_contact)
                select x, 0, lpad(cast(x as varchar), 6, '0') || '-' || substring('ABCDEFGHIJ', mod(x, 10) + 1, 1) || 'BENCH',
                       case mod(x, 3) when 0 then 'two-year' when 1 then 'month-to-month' else 'one-year' end,
                       'south-west',
                       case when mod(x, 3) = 0 then 'high' when mod(x, 3) = 1 then 'medium' else 'low' end,
                       dateadd('DAY', -mod(x, 2000), date '2026-09-30'),
                       case when mod(x, 60) = 0 then 'CHURNED' else 'ACTIVE' end,
                       case when mod(x, 60) = 0 then dateadd('DAY', mod(x, 28), date '2026-10-01') end,
                       case when mod(x, 60) = 0 then
                           case mod(x / 60, 7) when 0 then 'TREATMENT' when 1 then 'TREATMENT' when 2 then 'BETTER_OFFER'
                                when 3 then 'PRODUCT_OR_SERVICE' when 4 then 'SERIAL_SWITCHER' when 5 then 'STOPPED_USING'
                                else 'UNKNOWN' end end,
                       cast(200 + mod(x * 37, 900) as numeric(12, 2)), 'phone', mod(x, 20) <> 0, mod(x, 8) = 0
                from system_range(1, ?1)""", customers);
        // 1.2 responses per customer a year, spread over Nov 2025 – Oct 2026; 40 % with a comment
        int responses = customers * 6 / 5;
        execute(em, """
                insert into survey_response (id, batch_id, customer_ref, response_ref, responded_at, survey, touchpoint,
                                             nps, csat, effort, comment_text)
                select x, ?2, lpad(cast(mod(x * 7919, ?3) + 1 as varchar), 6, '0') || '-'
                              || substring('ABCDEFGHIJ', mod(mod(x * 7919, ?3) + 1, 10) + 1, 1) || 'BENCH',
                       'SR-' || x, dateadd('MINUTE', mod(x * 104729, 525600), timestamp '2025-11-01 00:00:00'),
                       'relationship-nps', case when mod(x, 2) = 0 then 'call' else 'relationship' end,
                       mod(x, 11), 1 + mod(x, 5), 1 + mod(x, 7),
                       case when mod(x, 5) < 2 then
                           case mod(x, 4) when 0 then 'The bill went up again without warning, call me on 07700 900' || lpad(cast(mod(x, 1000) as varchar), 3, '0') || '.'
                                          when 1 then 'The engineer was on time and explained everything.'
                                          when 2 then 'Waited too long in the queue, my account is 1234' || lpad(cast(mod(x, 10000) as varchar), 4, '0') || '.'
                                          else 'Fine, nothing special.' end end
                from system_range(1, ?1)""", responses, surveys.getId(), customers);

        long monthRun = 0;
        List<Trigger> lastMonthActions = List.of();
        for (int back = 11; back >= 0; back--) {
            YearMonth month = MONTH.minusMonths(back);
            Run run = new Run(month, RunOrigin.SCHEDULE, rules, month.plusMonths(1).atDay(1).atTime(6, 0)
                    .toInstant(ZoneOffset.UTC));
            run.getSourceBatches().add(crm);
            run.getSourceBatches().add(surveys);
            em.persist(run);
            kpis(em, run, back);
            Trigger trapped = new Trigger(run, "TRAPPED_IN_SELF_SERVICE", "Customers trapped in self-service",
                    "TECHNOLOGY", "HIGH", "P90 time to reach a human 10.2 minutes against a target of 9.5.");
            Trigger nps = new Trigger(run, "NPS_BELOW_TARGET", "NPS below target", "STAFF", "MEDIUM",
                    "NPS -22.8 against a target of 30.");
            em.persist(trapped);
            em.persist(nps);
            if (back == 0) {
                // this month's run followed last month's action points up: both triggers fired again
                for (Trigger action : lastMonthActions) {
                    em.persist(new ActionFollowUp(run, action, FollowUpSignal.STILL_FIRING));
                }
            } else if (back == 1) {
                trapped.statusChanged(ActionStatus.DONE, "bench", Instant.parse("2026-10-15T09:00:00Z"));
                nps.statusChanged(ActionStatus.IN_PROGRESS, "bench", Instant.parse("2026-10-03T09:00:00Z"));
            }
            lastMonthActions = List.of(trapped, nps);
            em.flush();
            if (back <= 1) {
                // consenting customers get a score; stages spread by id, a little different each month
                execute(em, """
                        insert into customer_score (id, run_id, customer_ref, cognitive, emotional, behavioural,
                                                    engagement_index, stage)
                        select id + ?3, ?2, external_id, 50, 50, 50, cast(mod(id * 13 + ?4, 100) as numeric(6, 2)),
                               case mod(id * 13 + ?4, 100) / 20 when 0 then 'UNENGAGED' when 1 then 'CASUAL'
                                    when 2 then 'REGULAR' when 3 then 'LOYAL' else 'ADVOCATE' end
                        from customer where consent_analytics and id between 1 and ?1""",
                        customers, run.getId(), (long) back * customers, back * 7);
            }
            if (back > 0) {
                execute(em, "update run set status = 'PUBLISHED' where id = ?1", run.getId());
            } else {
                monthRun = run.getId();
            }
        }
        return monthRun;
    }

    /**
     * Every catalogue KPI overall and by each breakdown it publishes, as a run stores them; the headline ones
     * drift a little month by month for the trend lines.
     */
    private static void kpis(EntityManager em, Run run, int monthsBack) {
        BigDecimal drift = BigDecimal.valueOf(monthsBack).divide(BigDecimal.TEN);
        Map<String, String[]> headline = Map.of(
                "NPS", new String[] {"-22.8", "30", "RED"},
                "CSAT", new String[] {"48.0", "80", "RED"},
                "SURVEY_REACH", new String[] {"61.0", "40", "GREEN"},
                "CHURN_RATE", new String[] {"2.62", "1.5", "RED"},
                "VALUE_LOST", new String[] {"7773", "5000", "AMBER"},
                "TIME_TO_HUMAN_MEAN", new String[] {"5.37", "3", "AMBER"},
                "TIME_TO_HUMAN_P90", new String[] {"10.20", "9.5", "AMBER"},
                "TIME_TO_HUMAN_OVER_9_5", new String[] {"11.3", "10", "AMBER"},
                "IVR_ABANDONMENT", new String[] {"7.84", "5", "AMBER"});
        for (KpiDefinition definition : KpiCatalogue.all()) {
            String[] known = headline.getOrDefault(definition.code(), new String[] {"50.0", "60", "AMBER"});
            BigDecimal value = new BigDecimal(known[0]).add(drift);
            kpi(em, run, definition.code(), "overall", value, known[1], known[2], 1_000);
            int slice = 0;
            for (String breakdown : definition.breakdowns()) {
                for (String sliceValue : SLICES.get(breakdown)) {
                    slice++;
                    // a spread around the overall figure; every seventh slice rests on a small sample
                    kpi(em, run, definition.code(), breakdown + "=" + sliceValue,
                            value.add(BigDecimal.valueOf((slice % 5) - 2)), known[1], known[2],
                            slice % 7 == 0 ? 12 : 200 + slice * 10);
                }
            }
        }
    }

    /** The slice values each breakdown has in the generated month. */
    private static final Map<String, List<String>> SLICES = Map.of(
            "segment", List.of("month-to-month", "one-year", "two-year"),
            "value_band", List.of("high", "medium", "low"),
            "channel", List.of("phone", "web", "chat", "app"),
            "engagement", List.of("engaged", "not_engaged"));

    private static void kpi(EntityManager em, Run run, String code, String dimension, BigDecimal value, String target,
            String rag, long sample) {
        em.persist(new KpiValue(run, code, dimension, value, sample, new BigDecimal(target), rag,
                value.subtract(new BigDecimal("0.1"))));
    }

    private static SourceBatch batch(EntityManager em, SourceKind kind) {
        SourceBatch batch = new SourceBatch(kind, "bench", kind.name().toLowerCase() + "-2026-10.csv",
                Integer.toHexString(kind.ordinal()).repeat(64).substring(0, 64), Instant.parse("2026-11-01T05:00:00Z"));
        em.persist(batch);
        return batch;
    }

    private static void execute(EntityManager em, String sql, Object... parameters) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        query.executeUpdate();
    }
}
