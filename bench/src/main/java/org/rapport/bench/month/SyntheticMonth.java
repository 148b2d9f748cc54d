package org.rapport.bench.month;

import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * One month of a made-up company of {@code customers} customers, written as the files its systems would
 * deliver: the CRM's customers in Rapport's canonical CSV, ten calls a customer — 80 % in the "Anonymous
 * Bank" call-centre log layout (tab-separated), 20 % in Asterisk's {@code cdr_csv} — and survey answers for three customers in ten, 70 % in the
 * canonical CSV and 30 % in a Qualtrics export (three header rows). Every draw comes from a
 * {@link SplittableRandom} seeded per file, so a seed and a size give the same bytes on every machine.
 *
 * <p>Calibrated to the real Anonymous Bank month: of the answered calls that wanted an agent, about 64 %
 * reach one without queueing and the others queue a log-normal time (median 80 s), so time to a human
 * comes out near 50 s mean and 138 s P90; 3.2 % hang up in the voice response unit, 4 % in the queue.
 * One call in ten is from an unidentified caller ({@code customer_id} 0), one in 500 (or as many as asked) a
 * {@code PHANTOM} the switch logs for itself (quarantined by Rapport, left out by DuckDB). Survey answers give an NPS
 * near 20 and a CSAT near 40 %. Nothing personal: ids are numbers, agents are {@code AGENT017}.
 *
 * <p>Every call and answer falls between 07:00 and 22:00 of a day of the month, so no reading of the
 * local times in another zone moves one out of the month.
 */
public final class SyntheticMonth {

    /** Says which generator wrote a folder of files: raise it when the draws change. */
    public static final int VERSION = 2;

    public static final String CUSTOMERS = "customers";
    public static final String BANK_IVR = "bank-ivr";
    public static final String SURVEYS = "survey-responses";
    public static final String QUALTRICS = "qualtrics";
    public static final String PBX_CDR = "pbx-cdr";

    static final int CALLS_PER_CUSTOMER = 10;
    /** Calls through the PBX (Asterisk CDRs) rather than the bank's VRU. */
    static final double PBX_SHARE = 0.2;
    static final double ANSWERS_PER_CUSTOMER = 0.3;
    static final double QUALTRICS_SHARE = 0.3;
    /** Calibration to the real month's time to a human (≈ 50 s mean, ≈ 138 s P90): who waits, and how long. */
    static final double QUEUE_FREE = 0.64;
    static final double QUEUE_MEDIAN_SECONDS = 80;
    static final double QUEUE_SIGMA = 0.9;
    /** The first customer id: nine digits, like the real log's. */
    static final long FIRST_CUSTOMER_ID = 100_000_000L;

    private static final String[] SEGMENTS = {"month-to-month", "one-year", "two-year"};
    private static final double[] SEGMENT_WEIGHTS = {0.55, 0.21, 0.24};
    private static final String[] VALUE_BANDS = {"low", "medium", "high"};
    private static final double[] VALUE_BAND_WEIGHTS = {0.30, 0.40, 0.30};
    private static final String[] REGIONS = {"london", "south-east", "south-west", "midlands", "north-west",
            "north-east", "scotland"};
    private static final String[] CHANNELS = {"phone", "web", "app", "email"};
    private static final String[] CHURN_REASONS = {"treatment", "product_or_service", "better_offer",
            "serial_switcher", "stopped_using", "unknown"};
    private static final String[] TOUCHPOINTS = {"phone", "web", "app"};
    private static final String[] CALL_TYPES = {"PS", "PE", "NW", "NE", "IN", "TT"};

    private static final DateTimeFormatter ISO_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss",
            Locale.ROOT);
    private static final DateTimeFormatter QUALTRICS_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss",
            Locale.ROOT);
    private static final DateTimeFormatter TIMES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter BANK_DATE = DateTimeFormatter.ofPattern("yyMMdd", Locale.ROOT);

    private static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();

    private final int customers;
    private final YearMonth month;
    private final long seed;
    private final double phantomShare;

    public SyntheticMonth(int customers, YearMonth month, long seed) {
        this(customers, month, seed, DEFAULT_PHANTOM_SHARE);
    }

    /** The share of the bank's calls that are rows Rapport quarantines ({@code PHANTOM}), by default one in 500. */
    public static final double DEFAULT_PHANTOM_SHARE = 0.002;

    /** @param phantomShare the share of the bank's calls that are bad rows, from 0 to 0.5 */
    public SyntheticMonth(int customers, YearMonth month, long seed, double phantomShare) {
        if (phantomShare < 0 || phantomShare > 0.5) {
            throw new IllegalArgumentException("The share of bad rows is from 0 to 0.5, not " + phantomShare);
        }
        this.phantomShare = phantomShare;
        if (customers < 1) {
            throw new IllegalArgumentException("customers must be at least 1, not " + customers);
        }
        this.customers = customers;
        this.month = month;
        this.seed = seed;
    }

    /** The files of the month, each in a folder named after the source that takes it. */
    public record MonthFiles(Path customers, Path bankCalls, Path pbxCalls, Path surveys, Path qualtrics) {
        public List<Path> all() {
            return List.of(customers, bankCalls, pbxCalls, surveys, qualtrics);
        }
    }

    /** Where {@link #write} puts the month's files under {@code directory}. */
    public MonthFiles paths(Path directory) {
        return new MonthFiles(
                directory.resolve(CUSTOMERS).resolve("customers-" + month + ".csv"),
                directory.resolve(BANK_IVR).resolve("anonymous_bank_" + month + ".tsv"),
                directory.resolve(PBX_CDR).resolve("Master-" + month + ".csv"),
                directory.resolve(SURVEYS).resolve("survey-responses-" + month + ".csv"),
                directory.resolve(QUALTRICS).resolve("qualtrics_" + month + ".csv"));
    }

    /** Writes the month's files under {@code directory} (made when missing). */
    public MonthFiles write(Path directory) throws IOException {
        MonthFiles files = paths(directory);
        for (Path file : files.all()) {
            Files.createDirectories(file.getParent());
        }
        writeCustomers(files.customers());
        writeBankCalls(files.bankCalls());
        writePbxCalls(files.pbxCalls());
        writeSurveys(files.surveys(), files.qualtrics());
        return files;
    }

    public int customers() {
        return customers;
    }

    public YearMonth month() {
        return month;
    }

    static String customerId(int index) {
        return Long.toString(FIRST_CUSTOMER_ID + index);
    }

    private void writeCustomers(Path file) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        LocalDate first = month.atDay(1);
        try (CSVPrinter out = printer(file, CSV)) {
            out.printRecord("customer_id", "segment", "region", "value_band", "customer_since", "status",
                    "churned_on", "churn_reason", "annual_value", "preferred_channel", "consent_analytics",
                    "consent_contact");
            for (int index = 0; index < customers; index++) {
                int band = pick(random, VALUE_BAND_WEIGHTS);
                BigDecimal annual = BigDecimal.valueOf(120 + band * 400 + random.nextInt(400) + random.nextInt(100) / 100.0)
                        .setScale(2, RoundingMode.HALF_UP);
                // 1.5 % leave in the month; 2 % of the others joined in it (not active at its start), the
                // rest over the last ten years
                boolean churned = random.nextDouble() < 0.015;
                LocalDate since = !churned && random.nextDouble() < 0.02
                        ? first.plusDays(random.nextInt(month.lengthOfMonth()))
                        : first.minusDays(1 + random.nextInt(3650));
                out.printRecord(customerId(index), SEGMENTS[pick(random, SEGMENT_WEIGHTS)],
                        REGIONS[random.nextInt(REGIONS.length)], VALUE_BANDS[band], since,
                        churned ? "churned" : "active",
                        churned ? month.atDay(1 + random.nextInt(month.lengthOfMonth())) : "",
                        churned ? CHURN_REASONS[random.nextInt(CHURN_REASONS.length)] : "",
                        annual, CHANNELS[random.nextInt(CHANNELS.length)], random.nextDouble() < 0.95,
                        random.nextDouble() < 0.12);
            }
        }
    }

    /**
     * The Anonymous Bank layout: {@code vru+line}, per-line call id, customer (0 when unidentified),
     * date YYMMDD, and for the VRU, the queue and the service each entry, exit (H:mm:ss, 0:00:00 when
     * not reached) and seconds; outcome AGENT, HANG or PHANTOM; the server (agent) or NO_SERVER.
     */
    private void writeBankCalls(Path file) throws IOException {
        SplittableRandom random = new SplittableRandom(seed + 1);
        long calls = Math.round(customers * CALLS_PER_CUSTOMER * (1 - PBX_SHARE));
        try (CSVPrinter out = printer(file, CSVFormat.TDF.builder().setRecordSeparator('\n').get())) {
            out.printRecord("vru+line", "call_id", "customer_id", "priority", "type", "date", "vru_entry", "vru_exit",
                    "vru_time", "q_start", "q_exit", "q_time", "outcome", "ser_start", "ser_exit", "ser_time",
                    "server");
            for (long call = 0; call < calls; call++) {
                String vruLine = "AA0" + (1 + random.nextInt(6)) + String.format(Locale.ROOT, "%02d",
                        1 + random.nextInt(16));
                boolean identified = random.nextDouble() >= 0.10;
                String customer = identified ? customerId(random.nextInt(customers)) : "0";
                LocalDateTime start = dayTime(random);
                int ivr = clamp(logNormal(random, 9, 0.5), 1, 600);
                double draw = random.nextDouble();
                String outcome;
                int queue = 0;
                int talk = 0;
                if (draw < phantomShare) {
                    outcome = "PHANTOM";
                } else if (draw < phantomShare + 0.032) {
                    outcome = "HANG";
                } else {
                    boolean queued = random.nextDouble() >= QUEUE_FREE;
                    if (queued) {
                        queue = clamp(logNormal(random, QUEUE_MEDIAN_SECONDS, QUEUE_SIGMA), 1, 1800);
                    }
                    outcome = queued && random.nextDouble() < 0.10 ? "HANG" : "AGENT";
                    if (outcome.equals("AGENT")) {
                        talk = clamp(logNormal(random, 150, 0.8), 1, 3600);
                    }
                }
                LocalDateTime vruExit = start.plusSeconds(ivr);
                LocalDateTime queueExit = vruExit.plusSeconds(queue);
                boolean served = outcome.equals("AGENT");
                out.printRecord(vruLine, 10_000 + call, customer, identified ? 1 + random.nextInt(2) : 0,
                        CALL_TYPES[random.nextInt(CALL_TYPES.length)], BANK_DATE.format(start), clock(start),
                        clock(vruExit), ivr, queue > 0 ? clock(vruExit) : "0:00:00",
                        queue > 0 ? clock(queueExit) : "0:00:00", queue,
                        outcome, served ? clock(queueExit) : "0:00:00",
                        served ? clock(queueExit.plusSeconds(talk)) : "0:00:00", talk,
                        served ? String.format(Locale.ROOT, "AGENT%03d", random.nextInt(120)) : "NO_SERVER");
            }
        }
    }

    /**
     * Asterisk's {@code cdr_csv} with the new CDR columns (21, no header, strings quoted), in the order the
     * calls started. A call is one leg while the caller is with the IVR (no destination channel; the PBX's
     * {@code Hangup} when it ended the call, i.e. self-service, else the caller hung up) and, when the caller
     * wanted an agent, a second leg from the queue ringing an agent's phone, answered or not. The legs share
     * the {@code linkedid}; the account code is the customer id (blank for an unidentified caller).
     */
    private void writePbxCalls(Path file) throws IOException {
        SplittableRandom random = new SplittableRandom(seed + 3);
        int calls = (int) Math.round(customers * CALLS_PER_CUSTOMER * PBX_SHARE);
        long[] starts = new long[calls];
        for (int call = 0; call < calls; call++) {
            LocalDateTime start = dayTime(random);
            starts[call] = start.toLocalDate().toEpochDay() * 86_400 + start.toLocalTime().toSecondOfDay();
        }
        java.util.Arrays.sort(starts);
        CSVFormat cdr = CSVFormat.DEFAULT.builder().setRecordSeparator('\n')
                .setQuoteMode(org.apache.commons.csv.QuoteMode.NON_NUMERIC).get();
        long sequence = 0;
        try (CSVPrinter out = printer(file, cdr)) {
            for (int call = 0; call < calls; call++) {
                LocalDateTime start = LocalDateTime.ofEpochSecond(starts[call], 0, java.time.ZoneOffset.UTC);
                boolean identified = random.nextDouble() >= 0.10;
                String account = identified ? customerId(random.nextInt(customers)) : "";
                String number = String.format(Locale.ROOT, "555%07d", random.nextInt(10_000_000));
                String channel = String.format(Locale.ROOT, "SIP/trunk-%08x", call);
                String linkedId = (1_790_000_000L + starts[call]) + "." + call;
                int ivr = clamp(logNormal(random, 9, 0.5), 1, 600);
                double draw = random.nextDouble();
                LocalDateTime ivrEnd = start.plusSeconds(ivr);
                if (draw < 0.08) {
                    // with the IVR only: 5 % heard it out (self-served), 3 % hung up on it
                    String lastApp = draw < 0.05 ? "Hangup" : "BackGround";
                    out.printRecord(account, number, "s", "ivr", "\"\" <" + number + ">", channel, "", lastApp, "",
                            TIMES.format(start), TIMES.format(start), TIMES.format(ivrEnd), ivr, ivr, "ANSWERED",
                            "DOCUMENTATION", linkedId, "", "", linkedId, sequence++);
                    continue;
                }
                out.printRecord(account, number, "s", "ivr", "\"\" <" + number + ">", channel, "", "Goto",
                        "queue,s,1", TIMES.format(start), TIMES.format(start), TIMES.format(ivrEnd), ivr, ivr,
                        "ANSWERED", "DOCUMENTATION", linkedId, "", "", linkedId, sequence++);
                int queue = random.nextDouble() >= QUEUE_FREE ? clamp(logNormal(random, QUEUE_MEDIAN_SECONDS, QUEUE_SIGMA), 1, 1800) : 0;
                boolean answered = queue == 0 || random.nextDouble() >= 0.10;
                String agent = String.format(Locale.ROOT, "SIP/%d-%08x", 200 + random.nextInt(120), call);
                LocalDateTime answeredAt = ivrEnd.plusSeconds(queue);
                int talk = answered ? clamp(logNormal(random, 150, 0.8), 1, 3600) : 0;
                LocalDateTime end = answeredAt.plusSeconds(talk);
                out.printRecord(account, number, "600", "queue", "\"\" <" + number + ">", channel, agent, "Queue",
                        "support", TIMES.format(ivrEnd), answered ? TIMES.format(answeredAt) : "", TIMES.format(end),
                        queue + talk, talk, answered ? "ANSWERED" : "NO ANSWER", "DOCUMENTATION", linkedId + "-q", "",
                        "", linkedId, sequence++);
            }
        }
    }

    private void writeSurveys(Path canonical, Path qualtrics) throws IOException {
        SplittableRandom random = new SplittableRandom(seed + 2);
        long answers = Math.round(customers * ANSWERS_PER_CUSTOMER);
        try (CSVPrinter plain = printer(canonical, CSV);
                CSVPrinter exported = printer(qualtrics, CSV)) {
            plain.printRecord("response_id", "customer_id", "responded_at", "survey", "touchpoint", "nps", "csat",
                    "effort", "comment");
            List<String> columns = List.of("StartDate", "EndDate", "Status", "IPAddress", "Progress",
                    "Duration (in seconds)", "Finished", "RecordedDate", "ResponseId", "RecipientLastName",
                    "RecipientFirstName", "RecipientEmail", "ExternalReference", "LocationLatitude",
                    "LocationLongitude", "DistributionChannel", "UserLanguage", "Q1", "Q2", "Q3", "Q4");
            List<String> importIds = List.of("startDate", "endDate", "status", "ipAddress", "progress", "duration",
                    "finished", "recordedDate", "_recordId", "recipientLastName", "recipientFirstName",
                    "recipientEmail", "externalDataReference", "locationLatitude", "locationLongitude",
                    "distributionChannel", "userLanguage", "QID1", "QID2", "QID3", "QID4_TEXT");
            exported.printRecord(columns);
            exported.printRecord(questionTexts(columns));
            exported.printRecord(importIds.stream().map(id -> "{\"ImportId\":\"" + id + "\"}").toList());
            for (long answer = 0; answer < answers; answer++) {
                String customer = customerId(random.nextInt(customers));
                LocalDateTime at = dayTime(random);
                Integer nps = random.nextDouble() < 0.04 ? null : nps(random);
                int csat = 1 + pick(random, new double[] {0.12, 0.18, 0.30, 0.25, 0.15});
                Integer effort = random.nextDouble() < 0.10 ? null : 1 + random.nextInt(7);
                if (random.nextDouble() < QUALTRICS_SHARE) {
                    String finished = QUALTRICS_TIME.format(at);
                    exported.printRecord(QUALTRICS_TIME.format(at.minusSeconds(40 + random.nextInt(300))), finished,
                            0, "", 100, 40 + random.nextInt(300), 1, finished, responseId(random), "", "", "",
                            customer, "", "", "email", "EN", blank(nps), csat, blank(effort), "");
                } else {
                    plain.printRecord(String.format(Locale.ROOT, "SR-%s-%08d", month, answer), customer,
                            ISO_SECONDS.format(at), "relationship-nps", TOUCHPOINTS[random.nextInt(TOUCHPOINTS.length)],
                            blank(nps), csat, blank(effort), "");
                }
            }
        }
    }

    /** The second Qualtrics header row: the survey's wording of each column. */
    private static List<String> questionTexts(List<String> columns) {
        List<String> texts = new ArrayList<>(columns.subList(0, 17));
        texts.addAll(List.of("How likely are you to recommend us to a friend?", "How satisfied are you with us?",
                "How easy was it to get what you needed?", "Anything else you want to tell us?"));
        return texts;
    }

    /** 45 % promoters, 30 % passives, 25 % detractors: an NPS near 20. */
    private static int nps(SplittableRandom random) {
        double draw = random.nextDouble();
        if (draw < 0.45) {
            return 9 + random.nextInt(2);
        }
        if (draw < 0.75) {
            return 7 + random.nextInt(2);
        }
        return random.nextInt(7);
    }

    private static String responseId(SplittableRandom random) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder id = new StringBuilder("R_");
        for (int i = 0; i < 15; i++) {
            id.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return id.toString();
    }

    /** A moment between 07:00 and 22:00 on a day of the month. */
    private LocalDateTime dayTime(SplittableRandom random) {
        return month.atDay(1 + random.nextInt(month.lengthOfMonth())).atTime(7, 0)
                .plusSeconds(random.nextInt(15 * 3600));
    }

    private static String clock(LocalDateTime time) {
        return time.getHour() + String.format(Locale.ROOT, ":%02d:%02d", time.getMinute(), time.getSecond());
    }

    private static int logNormal(SplittableRandom random, double median, double sigma) {
        return (int) Math.round(median * StrictMath.exp(sigma * gaussian(random)));
    }

    /** Box–Muller with StrictMath, so the draws are the same bytes on every JVM. */
    private static double gaussian(SplittableRandom random) {
        double u = 1.0 - random.nextDouble();
        double v = random.nextDouble();
        return StrictMath.sqrt(-2.0 * StrictMath.log(u)) * StrictMath.cos(2.0 * StrictMath.PI * v);
    }

    private static int clamp(int value, int min, int max) {
        return Math.max(min, Math.min(max, value));
    }

    private static int pick(SplittableRandom random, double[] weights) {
        double draw = random.nextDouble();
        for (int index = 0; index < weights.length - 1; index++) {
            draw -= weights[index];
            if (draw < 0) {
                return index;
            }
        }
        return weights.length - 1;
    }

    private static Object blank(Integer value) {
        return value == null ? "" : value;
    }

    private static CSVPrinter printer(Path file, CSVFormat format) throws IOException {
        BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        try {
            return new CSVPrinter(writer, format);
        } catch (IOException | RuntimeException e) {
            writer.close();
            throw e;
        }
    }
}
