package org.rapport.engine.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;

import jakarta.persistence.EntityManager;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rapport.engine.customer.ChurnReason;
import org.rapport.engine.customer.Customer;
import org.rapport.engine.customer.CustomerStatus;
import org.rapport.engine.intake.QuarantinedRecord;
import org.rapport.engine.intake.SourceBatch;
import org.rapport.engine.intake.SourceKind;
import org.rapport.engine.kpi.KpiValue;
import org.rapport.engine.run.CustomerScore;
import org.rapport.engine.run.Run;
import org.rapport.engine.run.RunOrigin;
import org.rapport.engine.run.Trigger;
import org.rapport.engine.ruleset.RuleSetStatus;
import org.rapport.engine.ruleset.RuleSetVersion;
import org.rapport.engine.survey.SurveyResponse;
import org.rapport.engine.testing.PersistenceSpec;
import org.rapport.engine.testing.TestDatabase;

/**
 * The snapshot of a hand-worked October 2026, on both databases. The figures in the comments are
 * worked out from the fixture by hand.
 */
class RunSnapshotReaderTest extends PersistenceSpec {

    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    private static final String RULES_SHA = "ab".repeat(32);
    private static final String SURVEY_SHA = "5e".repeat(32);

    // customer ids shaped like the sample's; none may reach the snapshot
    private static final String HIGH_1 = "0001-HIGHA";
    private static final String HIGH_2 = "0002-HIGHB";
    private static final String MEDIUM_1 = "0003-MEDIA";
    private static final String MEDIUM_2 = "0004-MEDIB";
    private static final String LOW_1 = "0005-LOWAA";
    private static final String LOW_2 = "0006-LOWBB";
    private static final String LOW_3 = "0007-LOWCC";
    private static final String LOW_4 = "0008-LOWDD";
    private static final String NO_BAND = "0009-NOBND";
    private static final String PREMIUM_LEAVER = "0010-HIGHC";
    private static final String NOT_YET = "0011-LATER";
    private static final List<String> CUSTOMER_IDS = List.of(HIGH_1, HIGH_2, MEDIUM_1, MEDIUM_2, LOW_1, LOW_2, LOW_3,
            LOW_4, NO_BAND, PREMIUM_LEAVER, NOT_YET);

    /** A detractor with consent whose comment is full of personal data. */
    private static final String DETRACTOR_COMMENT = "Call me on 07700 900123 or mail jo.bloggs@example.com, my name is "
            + "Jo Bloggs. Account 12345678, customer " + MEDIUM_2 + ". Waited 40 minutes!";

    private long october;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aRichMonth(TestDatabase database) {
        on(database);
        database.write(this::richOctober);

        RunSnapshot snapshot = database.read(entityManager -> new RunSnapshotReader(entityManager).read(october, "Acme"));

        assertThat(snapshot.month()).isEqualTo(OCTOBER);
        assertThat(snapshot.companyName()).isEqualTo("Acme");

        // headline tiles: NPS trend from the latest published run of each earlier month; 2025-10 is out of range,
        // August's run failed, September's second published run wins
        HeadlineTile nps = tile(snapshot, "NPS");
        assertThat(nps.value()).isEqualByComparingTo("20");
        assertThat(nps.previous()).isEqualByComparingTo("12");
        assertThat(nps.rag()).isEqualTo("AMBER");
        assertThat(nps.trend()).hasSize(12);
        assertThat(nps.trend().get(0)).satisfies(point -> {
            assertThat(point.month()).isEqualTo(YearMonth.of(2025, 11));
            assertThat(point.value()).isEqualByComparingTo("5");
        });
        assertThat(nps.trend().subList(1, 10)).allSatisfy(point -> assertThat(point.value()).isNull());
        assertThat(nps.trend().get(10).value()).isEqualByComparingTo("12");
        assertThat(nps.trend().get(11).value()).isEqualByComparingTo("20");
        assertThat(tile(snapshot, KpiTraits.ENGAGEMENT_INDEX).hasValue()).isFalse();

        // well and badly: NPS +8 of 12 (67 %), P90 −2 of 10 (20 %) better; IVR abandonment 6 → 12 worse
        assertThat(snapshot.movements().improvements()).extracting(KpiMovement::code)
                .containsExactly("NPS", "TIME_TO_HUMAN_P90");
        assertThat(snapshot.movements().declines()).extracting(KpiMovement::code).containsExactly("IVR_ABANDONMENT");
        assertThat(snapshot.movements().comparable()).isEqualTo(4);

        // stages: October loyal 1, regular 1, casual 2; September regular 3.
        // HIGH_1 regular → loyal (up), HIGH_2 regular → casual (down), MEDIUM_2 regular → regular, MEDIUM_1 new
        EngagementStages stages = snapshot.engagement();
        assertThat(stages.stages()).extracting(EngagementStages.Stage::stage, EngagementStages.Stage::customers,
                        EngagementStages.Stage::lastMonth)
                .containsExactly(tuple("unengaged", 0L, 0L), tuple("casual", 2L, 0L), tuple("regular", 1L, 3L),
                        tuple("loyal", 1L, 0L), tuple("advocate", 0L, 0L));
        assertThat(stages.scored()).isEqualTo(4);
        assertThat(stages.averageIndex()).isEqualByComparingTo("45.00");
        assertThat(stages.compared()).isTrue();
        assertThat(List.of(stages.movedUp(), stages.movedDown(), stages.unchanged(), stages.newlyScored()))
                .containsExactly(1L, 1L, 1L, 1L);

        // reach at 31 October over Nov 2025–Oct 2026: high 1 of 2 (HIGH_1), medium 1 of 2 (MEDIUM_1's answer is
        // from Oct 2025), low 1 of 1 (LOW_1), no band 0 of 1; the gap leaves the unknown band out: 100 − 50
        VoiceOfCustomer voice = snapshot.voice();
        assertThat(voice.reachByBand()).extracting(VoiceOfCustomer.BandReach::valueBand,
                        VoiceOfCustomer.BandReach::active, VoiceOfCustomer.BandReach::heard,
                        band -> band.reach().toPlainString())
                .containsExactly(tuple("high", 2L, 1L, "50.00"), tuple("medium", 2L, 1L, "50.00"),
                        tuple("low", 1L, 1L, "100.00"), tuple("unknown", 1L, 0L, "0.00"));
        assertThat(voice.reachGap()).isEqualByComparingTo("50");
        assertThat(voice.commentsInMonth()).isEqualTo(3);
        assertThat(voice.kpis()).extracting(KpiLine::code).containsExactly("NPS", "CSAT", "SURVEY_REACH");
        // LOW_1 withheld consent: their comment is counted but never quoted
        assertThat(voice.verbatims()).extracting(VoiceOfCustomer.Verbatim::tone, VoiceOfCustomer.Verbatim::nps,
                        VoiceOfCustomer.Verbatim::touchpoint)
                .containsExactly(tuple("detractor", 3, "call"), tuple("promoter", 9, "visit"));
        assertThat(voice.verbatims().get(0).text()).isEqualTo("Call me on [removed] or mail [removed], my name is "
                + "[removed]. Account [removed], customer [removed]. Waited 40 minutes!");
        assertThat(voice.verbatims().get(1).text()).isEqualTo("Thanks, the engineer was great.");

        // churn in October: LOW_2 better offer £500, LOW_3 treatment £248 (value unknown), PREMIUM_LEAVER no reason
        // £1,000; LOW_4 left in September. Shares are of the two with a known reason.
        Retention retention = snapshot.retention();
        assertThat(retention.churned()).isEqualTo(3);
        assertThat(retention.valueLost()).isEqualByComparingTo("1748");
        assertThat(retention.controllableShare()).isEqualByComparingTo("50");
        assertThat(retention.reasons()).extracting(Retention.Reason::reason, Retention.Reason::customers,
                        reason -> reason.share() == null ? null : reason.share().toPlainString(),
                        reason -> reason.baseline() == null ? null : reason.baseline().toPlainString())
                .containsExactly(tuple("TREATMENT", 1L, "50.00", "68"), tuple("PRODUCT_OR_SERVICE", 0L, "0.00", "14"),
                        tuple("BETTER_OFFER", 1L, "50.00", "9"), tuple("SERIAL_SWITCHER", 0L, "0.00", "5"),
                        tuple("STOPPED_USING", 0L, "0.00", "3"), tuple("DECEASED", 0L, "0.00", "1"),
                        tuple("UNKNOWN", 1L, null, null));
        assertThat(retention.reasons().get(0).valueLost()).isEqualByComparingTo("248");
        // the rules' grade of each share against the baseline, from the run's CHURN_SHARE_… lines
        assertThat(retention.reasons()).extracting(Retention.Reason::rag)
                .containsExactly("GREEN", "NONE", "RED", "NONE", "NONE", "NONE", "NONE");
        assertThat(retention.kpis()).extracting(KpiLine::code).containsExactly("CHURN_RATE");

        assertThat(snapshot.momentsOfTruth()).extracting(line -> line.kpi() == null ? "-" : line.kpi().code())
                .containsExactly("-", "TIME_TO_HUMAN_P90", "IVR_ABANDONMENT", "-", "-", "-", "-");

        // action points: this month's under their pillar, most severe first; last month's with their status now
        assertThat(snapshot.actions().byPillar()).extracting(ActionPoints.Pillar::pillar,
                        pillar -> pillar.triggers().stream().map(TriggerLine::code).toList())
                .containsExactly(tuple("STAFF", List.of("T1")), tuple("PROCESS", List.of()),
                        tuple("TECHNOLOGY", List.of("T3", "T2")));
        assertThat(snapshot.actions().lastMonthRun()).isTrue();
        assertThat(snapshot.actions().lastMonthActions()).extracting(TriggerLine::code, TriggerLine::owner,
                TriggerLine::status).containsExactly(tuple("S1", "Contact centre lead", "DONE"));
        assertThat(snapshot.triggers()).extracting(TriggerLine::code).containsExactly("T1", "T3", "T2");

        // appendix: only the run's own files count
        Appendix appendix = snapshot.appendix();
        assertThat(appendix.coverage()).extracting(Appendix.Coverage::kind, Appendix.Coverage::files,
                        Appendix.Coverage::rowsAccepted, Appendix.Coverage::rowsQuarantined)
                .contains(tuple("SURVEY_RESPONSES", 1, 10L, 3L), tuple("CALLS", 1, 5L, 0L),
                        tuple("CUSTOMERS", 0, 0L, 0L));
        assertThat(appendix.quarantine()).extracting(Appendix.Quarantine::kind, Appendix.Quarantine::field,
                Appendix.Quarantine::records).containsExactly(tuple("SURVEY_RESPONSES", "(record)", 1L),
                tuple("SURVEY_RESPONSES", "nps", 2L));
        assertThat(appendix.ruleSetChecksum()).isEqualTo(RULES_SHA);
        assertThat(appendix.definitions()).extracting(definition -> definition.code()).startsWith("NPS");
        assertThat(snapshot.sourceBatches()).extracting(BatchLine::sha256).contains(SURVEY_SHA);

        // no customer id, e-mail address or phone number anywhere in the snapshot
        String everything = snapshot.toString();
        assertThat(everything).doesNotContain(CUSTOMER_IDS).doesNotContain("jo.bloggs", "Bloggs", "900123", "12345678");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aMonthWithNoData(TestDatabase database) {
        on(database);
        long empty = database.read(entityManager -> {
            return run(entityManager, ruleSet(entityManager), OCTOBER).getId();
        });

        RunSnapshot snapshot = database.read(entityManager -> new RunSnapshotReader(entityManager).read(empty, "Acme"));

        assertThat(snapshot.kpis()).isEmpty();
        assertThat(snapshot.headlines()).hasSize(6).allSatisfy(tile -> {
            assertThat(tile.hasValue()).isFalse();
            assertThat(tile.trend()).hasSize(12).allSatisfy(point -> assertThat(point.value()).isNull());
        });
        assertThat(snapshot.movements()).isEqualTo(Movements.none());
        assertThat(snapshot.engagement().hasScores()).isFalse();
        assertThat(snapshot.voice().reachByBand()).isEmpty();
        assertThat(snapshot.voice().reachGap()).isNull();
        assertThat(snapshot.voice().verbatims()).isEmpty();
        assertThat(snapshot.retention().churned()).isZero();
        assertThat(snapshot.retention().reasons()).isEmpty();
        assertThat(snapshot.actions().lastMonthRun()).isFalse();
        assertThat(snapshot.actions().byPillar()).allSatisfy(pillar -> assertThat(pillar.triggers()).isEmpty());
        assertThat(snapshot.appendix().coverage()).allSatisfy(line -> assertThat(line.files()).isZero());
        assertThat(snapshot.appendix().quarantine()).isEmpty();
    }

    private static HeadlineTile tile(RunSnapshot snapshot, String code) {
        return snapshot.headlines().stream().filter(tile -> tile.code().equals(code)).findFirst().orElseThrow();
    }

    private void richOctober(EntityManager em) {
        RuleSetVersion rules = ruleSet(em);
        SourceBatch surveys = batch(em, SourceKind.SURVEY_RESPONSES, SURVEY_SHA, 10, 3);
        SourceBatch calls = batch(em, SourceKind.CALLS, "ca".repeat(32), 5, 0);
        SourceBatch older = batch(em, SourceKind.CUSTOMERS, "01".repeat(32), 7, 1);
        em.persist(new QuarantinedRecord(surveys, 4, "nps", "not a number", "x"));
        em.persist(new QuarantinedRecord(surveys, 9, "nps", "out of range", "x"));
        em.persist(new QuarantinedRecord(surveys, 12, "(record)", "too few fields", "x"));
        em.persist(new QuarantinedRecord(older, 2, "status", "unknown", "x"));

        customer(em, HIGH_1, "high", "2020-01-01", null, null, "900", true);
        customer(em, HIGH_2, "high", "2020-01-01", null, null, "900", true);
        customer(em, MEDIUM_1, "medium", "2020-01-01", null, null, "500", true);
        customer(em, MEDIUM_2, "medium", "2020-01-01", null, null, "500", true);
        customer(em, LOW_1, "LOW", "2020-01-01", null, null, "200", false);
        customer(em, LOW_2, "low", "2020-01-01", "2026-10-15", ChurnReason.BETTER_OFFER, "500", true);
        customer(em, LOW_3, "low", "2020-01-01", "2026-10-20", ChurnReason.TREATMENT, null, true);
        customer(em, LOW_4, "low", "2020-01-01", "2026-09-10", ChurnReason.DECEASED, "300", true);
        customer(em, NO_BAND, null, "2020-01-01", null, null, null, true);
        customer(em, PREMIUM_LEAVER, "high", "2020-01-01", "2026-10-03", null, "1000", true);
        customer(em, NOT_YET, "high", "2026-11-05", null, null, "900", true);

        response(em, surveys, HIGH_1, "2026-03-01T10:00:00", 8, null);
        response(em, surveys, HIGH_1, "2026-10-20T10:00:00", 9, "Thanks, the engineer was great.");
        response(em, surveys, MEDIUM_1, "2025-10-15T10:00:00", 7, "Fine");
        response(em, surveys, MEDIUM_2, "2026-10-05T10:00:00", 3, DETRACTOR_COMMENT);
        response(em, surveys, MEDIUM_2, "2026-10-06T10:00:00", 2, null);
        response(em, surveys, LOW_1, "2026-10-10T10:00:00", 10, "Lovely. Ask for Mr Smith, ref " + LOW_1);

        Run earliest = publishedRun(em, rules, YearMonth.of(2025, 10));
        kpi(em, earliest, "NPS", "50", null, null);
        Run november = publishedRun(em, rules, YearMonth.of(2025, 11));
        kpi(em, november, "NPS", "5", null, null);
        Run august = run(em, rules, YearMonth.of(2026, 8));
        kpi(em, august, "NPS", "99", null, null);
        Run septemberFirst = publishedRun(em, rules, YearMonth.of(2026, 9));
        kpi(em, septemberFirst, "NPS", "10", null, null);
        em.persist(new Trigger(septemberFirst, "S0", "superseded", "PROCESS", "LOW", "e"));
        Run september = publishedRun(em, rules, YearMonth.of(2026, 9));
        kpi(em, september, "NPS", "12", null, null);
        Trigger done = new Trigger(september, "S1", "Fix identification", "PROCESS", "MEDIUM", "42% asked again");
        em.persist(done);
        score(em, september, HIGH_1, "regular", "60");
        score(em, september, HIGH_2, "REGULAR", "55");
        score(em, september, MEDIUM_2, "regular", "50");

        Run run = run(em, rules, OCTOBER);
        run.getSourceBatches().add(surveys);
        run.getSourceBatches().add(calls);
        KpiValue nps = kpi(em, run, "NPS", "20", "12", "30");
        nps.grade(new BigDecimal("30"), "AMBER");
        kpi(em, run, "CSAT", "70", "70", null);
        kpi(em, run, "SURVEY_REACH", "60", null, null);
        kpi(em, run, "CHURN_RATE", "30", null, null);
        kpi(em, run, "TIME_TO_HUMAN_P90", "8", "10", null);
        kpi(em, run, "IVR_ABANDONMENT", "12", "6", null);
        kpi(em, run, "CHURN_SHARE_TREATMENT", "50", null, "68").grade(new BigDecimal("68"), "GREEN");
        kpi(em, run, "CHURN_SHARE_BETTER_OFFER", "50", null, "9").grade(new BigDecimal("9"), "RED");
        em.persist(new Trigger(run, "T2", "Self-service dead ends", "TECHNOLOGY", "LOW", "e"));
        em.persist(new Trigger(run, "T1", "Coach agents", "STAFF", "HIGH", "e"));
        em.persist(new Trigger(run, "T3", "IVR menu", "TECHNOLOGY", "HIGH", "e"));
        score(em, run, HIGH_1, "loyal", "80");
        score(em, run, HIGH_2, "casual", "30");
        score(em, run, MEDIUM_2, "regular", "50");
        score(em, run, MEDIUM_1, "casual", "20");
        em.flush();
        em.createNativeQuery("update improvement_trigger set status = 'DONE', owner = 'Contact centre lead' where id = ?1")
                .setParameter(1, done.getId()).executeUpdate();
        october = run.getId();
    }

    private static RuleSetVersion ruleSet(EntityManager em) {
        RuleSetVersion rules = new RuleSetVersion("default", RULES_SHA, "test", Instant.parse("2026-01-01T00:00:00Z"),
                RuleSetStatus.ACTIVE);
        em.persist(rules);
        return rules;
    }

    private static SourceBatch batch(EntityManager em, SourceKind kind, String sha, int accepted, int quarantined) {
        SourceBatch batch = new SourceBatch(kind, "test", kind.name().toLowerCase() + ".csv", sha,
                Instant.parse("2026-11-01T05:00:00Z"));
        em.persist(batch);
        em.flush();
        em.createNativeQuery("update source_batch set rows_accepted = ?1, rows_quarantined = ?2 where id = ?3")
                .setParameter(1, accepted).setParameter(2, quarantined).setParameter(3, batch.getId()).executeUpdate();
        em.refresh(batch);
        return batch;
    }

    private static void customer(EntityManager em, String id, String band, String since, String churnedOn,
            ChurnReason reason, String annualValue, boolean consent) {
        Customer customer = new Customer(id);
        customer.setValueBand(band);
        customer.setCustomerSince(LocalDate.parse(since));
        customer.setChurnedOn(churnedOn == null ? null : LocalDate.parse(churnedOn));
        customer.setStatus(churnedOn == null ? CustomerStatus.ACTIVE : CustomerStatus.CHURNED);
        customer.setChurnReason(reason);
        customer.setAnnualValue(annualValue == null ? null : new BigDecimal(annualValue));
        customer.setConsentToAnalytics(consent);
        em.persist(customer);
    }

    private static void response(EntityManager em, SourceBatch batch, String customer, String at, Integer nps,
            String comment) {
        String touchpoint = nps != null && nps >= 9 ? "visit" : "call";
        em.persist(new SurveyResponse(batch, customer, null, LocalDateTime.parse(at), "relationship", touchpoint, nps,
                null, null, comment));
    }

    private static Run publishedRun(EntityManager em, RuleSetVersion rules, YearMonth month) {
        Run run = run(em, rules, month);
        em.flush();
        em.createNativeQuery("update run set status = 'PUBLISHED' where id = ?1").setParameter(1, run.getId())
                .executeUpdate();
        return run;
    }

    /** A run of {@code month} in progress, started at 06:00 on the first of the next month. */
    private static Run run(EntityManager em, RuleSetVersion rules, YearMonth month) {
        Run run = new Run(month, RunOrigin.ON_DEMAND, rules,
                month.plusMonths(1).atDay(1).atTime(6, 0).toInstant(java.time.ZoneOffset.UTC));
        em.persist(run);
        return run;
    }

    private static KpiValue kpi(EntityManager em, Run run, String code, String value, String previous, String target) {
        KpiValue kpi = new KpiValue(run, code, "overall", new BigDecimal(value), 10,
                target == null ? null : new BigDecimal(target), "NONE", previous == null ? null : new BigDecimal(previous));
        em.persist(kpi);
        return kpi;
    }

    private static void score(EntityManager em, Run run, String customer, String stage, String index) {
        em.persist(new CustomerScore(run, customer, null, null, null, new BigDecimal(index), stage));
    }
}
