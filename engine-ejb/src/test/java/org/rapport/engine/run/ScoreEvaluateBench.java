package org.rapport.engine.run;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.Executors;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.h2.jdbcx.JdbcDataSource;
import org.rapport.engine.engagement.CustomerRange;
import org.rapport.engine.engagement.SideBySideScoring;
import org.rapport.engine.intake.SourceBatch;
import org.rapport.engine.kpi.EngagedContacts;
import org.rapport.engine.intake.SourceKind;
import org.rapport.engine.ruleset.RuleEngine;
import org.rapport.engine.ruleset.RuleSetStore;
import org.rapport.engine.ruleset.RuleSetVersion;
import org.rapport.engine.testing.EmptyDatabase;
import org.rapport.engine.testing.ResourceLocalStore;

/**
 * Times the scoring and evaluating steps of a monthly run on a synthetic month of N customers (10 calls and
 * 0.3 survey answers a customer, as the month benchmark's; a published last month with a score for every
 * customer), each page in a transaction of its own as the server runs them. Not a test: a {@code main} for
 * iterating on those steps without the whole month benchmark. The database is kept under the work folder and
 * reused by the next invocation of the same size (the migrations of the checkout run on it first).
 *
 * <pre>
 * ./mvnw -B -o -q -pl engine-ejb -am test-compile dependency:build-classpath \
 *        -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
 * java -Xmx2g -cp "engine-ejb/target/test-classes:engine-ejb/target/classes:$(cat engine-ejb/target/test-classpath.txt)" \
 *      org.rapport.engine.run.ScoreEvaluateBench h2|postgresql CUSTOMERS WORK_DIR [ROUNDS [SIDE_BY_SIDE]]
 * </pre>
 * Each round prints the step's parts: starting (the rules compiled when not yet, an earlier round's scores
 * removed), the pages, the engagement KPIs, and evaluating. With SIDE_BY_SIDE, odd rounds score that many ranges of
 * customers side by side and even rounds one, to compare the two on the same database.
 */
public final class ScoreEvaluateBench {

    private static final YearMonth MONTH = YearMonth.of(2026, 10);
    private static final long FIRST_CUSTOMER = 100_000_000L;
    private static final String[] SEGMENTS = {"month-to-month", "one-year", "two-year"};
    private static final String[] BANDS = {"low", "medium", "high"};
    private static final String[] STAGES = {"unengaged", "casual", "regular", "loyal", "advocate"};
    private static final String[] COMMENTS = {"waited too long on hold", "the app keeps crashing",
            "great service, thank you", "billing was wrong again", "could not log in to the website"};

    private ScoreEvaluateBench() {
    }

    public static void main(String[] args) throws Exception {
        String database = args[0];
        int customers = Integer.parseInt(args[1]);
        Path work = Path.of(args[2]).toAbsolutePath();
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        // ranges of customers scored side by side in odd rounds, one range in even rounds: two figures from one database
        int sideBySide = args.length > 4 ? Integer.parseInt(args[4]) : 1;
        Files.createDirectories(work);
        DataSource dataSource;
        Path folder = work.resolve(database + "-" + customers);
        boolean fresh = !Files.exists(folder);
        if (database.equals("h2")) {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL("jdbc:h2:" + folder.resolve("rapport") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;DB_CLOSE_DELAY=-1");
            h2.setUser("sa");
            dataSource = h2;
        } else {
            Files.createDirectories(folder);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(folder)
                    .setCleanDataDirectory(false).setPort(25740).start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (Exception ignored) {
                    // going away
                }
            }));
            dataSource = connectionPerThread(postgres.getPostgresDatabase());
            fresh = !hasTable(dataSource);
        }
        if (fresh) {
            EmptyDatabase.empty(dataSource);
        }
        try (ResourceLocalStore store = ResourceLocalStore.open(dataSource, Map.of())) {
            RuleEngine engine = new RuleEngine();
            long runId;
            if (fresh) {
                long started = System.nanoTime();
                runId = load(store, dataSource, customers);
                System.out.printf(Locale.ROOT, "loaded %,d customers in %.1f s%n", customers, seconds(started));
            } else {
                runId = store.inNewTransaction(em -> em.createQuery(
                        "select max(r.id) from Run r where r.month = :month", Long.class)
                        .setParameter("month", MONTH.toString()).getSingleResult());
            }
            long measured = runId;
            if (store.inNewTransaction(em -> em.createQuery("select count(k) from KpiValue k where k.run.id = :run",
                    Long.class).setParameter("run", measured).getSingleResult()) == 0) {
                long started = System.nanoTime();
                store.inNewTransaction(em -> {
                    RunSteps steps = new RunSteps(em, engine, Clock.systemUTC());
                    steps.closeIntake(measured);
                    steps.measure(measured);
                    return null;
                });
                System.out.printf(Locale.ROOT, "measured in %.1f s%n", seconds(started));
            }
            for (int round = 1; round <= rounds; round++) {
                scoreAndEvaluate(store, engine, runId, round, round % 2 == 1 ? sideBySide : 1);
            }
        }
        System.exit(0);
    }

    private static void scoreAndEvaluate(ResourceLocalStore store, RuleEngine engine, long runId, int round,
            int sideBySide) {
        long started = System.nanoTime();
        boolean any = store.inNewTransaction(em -> new RunSteps(em, engine, Clock.systemUTC()).startScoring(runId));
        double start = seconds(started);
        long pages = System.nanoTime();
        SideBySideScoring.Scored scoredPages = new SideBySideScoring.Scored(0, new EngagedContacts());
        List<CustomerRange> ranges = List.of();
        if (any) {
            ranges = store.inNewTransaction(em -> new RunSteps(em, engine, Clock.systemUTC())
                    .scoringRanges(runId, sideBySide));
            scoredPages = new SideBySideScoring(Executors.defaultThreadFactory(), sideBySide).score(ranges,
                    (range, after) -> store.inNewTransaction(em -> new RunSteps(em, engine, Clock.systemUTC())
                            .scorePage(runId, range, after)), customers -> { });
        }
        long scored = scoredPages.scores();
        EngagedContacts contacts = scoredPages.contacts();
        double paging = seconds(pages);
        long finish = System.nanoTime();
        store.inNewTransaction(em -> {
            new RunSteps(em, engine, Clock.systemUTC()).storeEngagementMeasures(runId, contacts);
            return null;
        });
        double measures = seconds(finish);
        long evaluate = System.nanoTime();
        store.inNewTransaction(em -> {
            new RunSteps(em, engine, Clock.systemUTC()).evaluate(runId);
            return null;
        });
        double evaluated = seconds(evaluate);
        System.out.printf(Locale.ROOT, "round %d: %,d scored; start %.2f s, pages in %d ranges side by side %.2f s,"
                        + " engagement KPIs %.2f s, evaluate %.2f s; score + evaluate %.2f s%n", round, scored, start,
                ranges.size(), paging, measures, evaluated, seconds(started));
    }

    private static long load(ResourceLocalStore store, DataSource dataSource, int customers) throws SQLException {
        long[] ids = store.inNewTransaction(em -> {
            SourceBatch customerBatch = batch(SourceKind.CUSTOMERS, "customers");
            SourceBatch callBatch = batch(SourceKind.CALLS, "bank-ivr");
            SourceBatch surveyBatch = batch(SourceKind.SURVEY_RESPONSES, "survey-responses");
            em.persist(customerBatch);
            em.persist(callBatch);
            em.persist(surveyBatch);
            RuleSetVersion rules = new RuleSetStore(em, Clock.systemUTC()).activeOrSeedDefault();
            Run september = new Run(MONTH.minusMonths(1), RunOrigin.ON_DEMAND, rules, Instant.parse("2026-10-01T06:00:00Z"));
            Run october = new Run(MONTH, RunOrigin.ON_DEMAND, rules, Instant.parse("2026-11-01T06:00:00Z"));
            em.persist(september);
            em.persist(october);
            em.flush();
            em.createNativeQuery("update run set status = 'PUBLISHED' where id = ?1")
                    .setParameter(1, september.getId()).executeUpdate();
            return new long[] {customerBatch.getId(), callBatch.getId(), surveyBatch.getId(), september.getId(),
                    october.getId()};
        });
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            SplittableRandom random = new SplittableRandom(2026);
            try (PreparedStatement customer = connection.prepareStatement("""
                    insert into customer (id, external_id, segment, value_band, region, customer_since, churned_on,
                        status, consent_analytics, consent_contact, version, annual_value, batch_id)
                    values (?, ?, ?, ?, 'london', ?, ?, ?, ?, ?, 0, ?, ?)""");
                    PreparedStatement score = connection.prepareStatement("""
                    insert into customer_score (id, run_id, customer_ref, engagement_index, stage)
                    values (?, ?, ?, ?, ?)""")) {
                for (int i = 0; i < customers; i++) {
                    boolean churned = random.nextDouble() < 0.015;
                    LocalDate since = !churned && random.nextDouble() < 0.02 ? MONTH.atDay(1 + random.nextInt(31))
                            : MONTH.atDay(1).minusDays(1 + random.nextInt(3650));
                    String ref = Long.toString(FIRST_CUSTOMER + i);
                    customer.setLong(1, 1_000_000_000L + i);
                    customer.setString(2, ref);
                    customer.setString(3, SEGMENTS[random.nextInt(3)]);
                    customer.setString(4, BANDS[random.nextInt(3)]);
                    customer.setObject(5, since);
                    customer.setObject(6, churned ? MONTH.atDay(1 + random.nextInt(31)) : null);
                    customer.setString(7, churned ? "CHURNED" : "ACTIVE");
                    customer.setBoolean(8, random.nextDouble() < 0.95);
                    customer.setBoolean(9, random.nextDouble() < 0.12);
                    customer.setBigDecimal(10, BigDecimal.valueOf(120 + random.nextInt(1200)));
                    customer.setLong(11, ids[0]);
                    customer.addBatch();
                    score.setLong(1, 1_000_000_000L + i);
                    score.setLong(2, ids[3]);
                    score.setString(3, ref);
                    score.setBigDecimal(4, BigDecimal.valueOf(random.nextInt(100)));
                    score.setString(5, STAGES[random.nextInt(STAGES.length)]);
                    score.addBatch();
                    if (i % 1000 == 999) {
                        customer.executeBatch();
                        score.executeBatch();
                    }
                }
                customer.executeBatch();
                score.executeBatch();
            }
            connection.commit();
            String[] outcomes = {"ANSWERED", "ANSWERED", "ANSWERED", "SELF_SERVED", "ABANDONED_IN_IVR",
                    "ABANDONED_IN_QUEUE"};
            try (PreparedStatement call = connection.prepareStatement("""
                    insert into call_record (id, batch_id, customer_ref, call_ref, started_at, ivr_seconds, queue_seconds,
                        talk_seconds, outcome, wanted_agent, transfers, times_reidentified, agent_saw_history, channel,
                        source, record_key, content_hash)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, null, 'phone', 'bank-ivr', ?, ?)""")) {
                long calls = customers * 10L;
                for (long i = 0; i < calls; i++) {
                    String outcome = outcomes[random.nextInt(outcomes.length)];
                    call.setLong(1, 1_000_000_000L + i);
                    call.setLong(2, ids[1]);
                    call.setString(3, random.nextInt(10) == 0 ? null
                            : Long.toString(FIRST_CUSTOMER + random.nextInt(customers)));
                    call.setString(4, "C" + i);
                    call.setTimestamp(5, Timestamp.valueOf(dayTime(random)));
                    call.setInt(6, 10 + random.nextInt(120));
                    call.setInt(7, outcome.equals("SELF_SERVED") ? 0 : random.nextInt(300));
                    call.setInt(8, outcome.equals("ANSWERED") ? 60 + random.nextInt(600) : 0);
                    call.setString(9, outcome);
                    call.setBoolean(10, !outcome.equals("SELF_SERVED"));
                    call.setString(11, "C" + i);
                    call.setLong(12, random.nextLong());
                    call.addBatch();
                    if (i % 1000 == 999) {
                        call.executeBatch();
                    }
                    if (i % 100_000 == 99_999) {
                        connection.commit();
                    }
                }
                call.executeBatch();
            }
            connection.commit();
            try (PreparedStatement answer = connection.prepareStatement("""
                    insert into survey_response (id, batch_id, customer_ref, response_ref, responded_at, survey,
                        touchpoint, nps, csat, effort, comment_text, source, record_key, content_hash)
                    values (?, ?, ?, ?, ?, 'relationship-nps', 'phone', ?, ?, ?, ?, 'survey-responses', ?, ?)""")) {
                long answers = Math.round(customers * 0.3);
                for (long i = 0; i < answers; i++) {
                    answer.setLong(1, 1_000_000_000L + i);
                    answer.setLong(2, ids[2]);
                    answer.setString(3, Long.toString(FIRST_CUSTOMER + random.nextInt(customers)));
                    answer.setString(4, "SR" + i);
                    answer.setTimestamp(5, Timestamp.valueOf(dayTime(random)));
                    answer.setInt(6, random.nextInt(11));
                    answer.setInt(7, 1 + random.nextInt(5));
                    answer.setInt(8, 1 + random.nextInt(7));
                    answer.setString(9, random.nextInt(5) == 0 ? COMMENTS[random.nextInt(COMMENTS.length)] : null);
                    answer.setString(10, "SR" + i);
                    answer.setLong(11, random.nextLong());
                    answer.addBatch();
                    if (i % 1000 == 999) {
                        answer.executeBatch();
                    }
                }
                answer.executeBatch();
            }
            connection.commit();
            try (Statement statement = connection.createStatement()) {
                statement.execute("update source_batch set rows_accepted = 1");
                if (connection.getMetaData().getDatabaseProductName().startsWith("PostgreSQL")) {
                    statement.execute("analyze");
                }
            }
            connection.commit();
        }
        return ids[4];
    }

    private static SourceBatch batch(SourceKind kind, String source) {
        return new SourceBatch(kind, source, source + ".csv", UUID.randomUUID().toString().replace("-", ""),
                Instant.parse("2026-11-01T05:00:00Z"));
    }

    private static LocalDateTime dayTime(SplittableRandom random) {
        return MONTH.atDay(1 + random.nextInt(MONTH.lengthOfMonth())).atTime(7, 0).plusSeconds(random.nextInt(15 * 3600));
    }

    /**
     * A connection a thread for every transaction of that thread, as the server's pool keeps its connections: without,
     * each page would time opening a PostgreSQL connection. The driver is single-threaded; ranges scored side by side
     * each have their thread.
     */
    private static DataSource connectionPerThread(DataSource dataSource) {
        ThreadLocal<Connection> kept = ThreadLocal.withInitial(() -> {
            try {
                return kept(dataSource.getConnection());
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        return (DataSource) Proxy.newProxyInstance(ScoreEvaluateBench.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, arguments) -> {
                    if (method.getName().equals("getConnection")) {
                        return kept.get();
                    }
                    try {
                        return method.invoke(dataSource, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** {@code connection}, which closing only rolls back and returns to auto-commit. */
    private static Connection kept(Connection connection) {
        return (Connection) Proxy.newProxyInstance(ScoreEvaluateBench.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, arguments) -> {
                    if (method.getName().equals("close")) {
                        if (!connection.getAutoCommit()) {
                            connection.rollback();
                        }
                        connection.setAutoCommit(true);
                        return null;
                    }
                    try {
                        return method.invoke(connection, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static boolean hasTable(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                ResultSet tables = connection.getMetaData().getTables(null, "public", "customer", null)) {
            return tables.next();
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
