package org.rapport.engine.engagement;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Optional;
import java.util.stream.Stream;

import jakarta.persistence.EntityManager;

import com.carrotsearch.hppc.ByteArrayList;
import com.carrotsearch.hppc.IntArrayList;
import com.carrotsearch.hppc.LongArrayList;
import com.carrotsearch.hppc.ObjectIntHashMap;

/**
 * What scoring pages read of each customer's survey answers in a window, grouped once per pass and held in this
 * process's memory for the pass's pages, as {@link CallProfiles} holds their calls: the latest answer (its time, NPS,
 * CSAT and effort; ties on the time go to the last stored) and how many answers came with a comment. One read of the
 * window's answers makes a pass, in whatever order the database gives them. This is what lets the answers do without
 * a customer index, which cost their intake more than any other index but the key's (bench/README, V115).
 * <p>
 * About 40 bytes a customer who answered, and the customer's reference. Thread-safe.
 */
final class SurveyProfiles {

    /** The passes made in this process, or grouped ahead, and not dropped yet. */
    private static final HeldPasses<GroupedSurveys> PASSES = new HeldPasses<>();

    private static final int FETCH_SIZE = 10_000;

    private final EntityManager entityManager;

    SurveyProfiles(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Makes pass {@code pass} afresh from the answers given in [{@code from}, {@code end}); returns how many customers
     * it holds answers of.
     */
    int make(String pass, LocalDateTime from, LocalDateTime end) {
        return PASSES.make(pass, () -> group(from, end)).customers();
    }

    /** As {@link CallProfiles#makeAhead}, for the answers. */
    void makeAhead(String pass, LocalDateTime from, LocalDateTime end) {
        PASSES.makeAhead(pass, () -> group(from, end));
    }

    /** As {@link CallProfiles#makeOrTakeAhead}, for the answers. */
    int makeOrTakeAhead(String pass, LocalDateTime from, LocalDateTime end) {
        return PASSES.makeOrTakeAhead(pass, () -> group(from, end)).customers();
    }

    private GroupedSurveys group(LocalDateTime from, LocalDateTime end) {
        GroupedSurveys grouped = new GroupedSurveys();
        try (Stream<Object[]> rows = entityManager.createQuery("""
                        select r.customerRef, r.respondedAt, r.id, r.nps, r.csat, r.effort,
                               case when r.comment is not null and length(trim(r.comment)) > 0 then 1 else 0 end
                        from SurveyResponse r
                        where r.customerRef is not null and r.respondedAt >= :from and r.respondedAt < :end""",
                        Object[].class)
                .setParameter("from", from)
                .setParameter("end", end)
                .setHint("org.hibernate.fetchSize", FETCH_SIZE)
                .getResultStream()) {
            rows.forEach(row -> grouped.add((String) row[0], (LocalDateTime) row[1], (Long) row[2], (Integer) row[3],
                    (Integer) row[4], (Integer) row[5], ((Number) row[6]).intValue()));
        }
        grouped.trim();
        return grouped;
    }

    /**
     * Hands each of {@code customers} that pass {@code pass} holds answers of to {@code surveys}.
     *
     * @throws IllegalStateException when this process holds no such pass: it was not made, or was dropped
     */
    void forEach(String pass, Collection<String> customers, CustomerSurveys.Consumer surveys) {
        GroupedSurveys grouped = PASSES.held(pass, "survey answers");
        customers.forEach(ref -> grouped.of(ref).ifPresent(found -> surveys.accept(ref, found)));
    }

    void drop(String pass) {
        PASSES.drop(pass);
    }

    /** How many passes this process holds, made or grouped ahead: none once every scoring step has ended. */
    static int passesHeld() {
        return PASSES.size();
    }

    /** Whether this process holds pass {@code pass}. */
    static boolean holds(String pass) {
        return PASSES.holds(pass);
    }

    /**
     * One customer's answers as scoring reads them.
     *
     * @param latestAt    when the latest answer was given
     * @param nps         the latest answer's NPS, or null when it gave none
     * @param csat        the latest answer's CSAT, or null
     * @param effort      the latest answer's effort score, or null
     * @param withComment the answers that came with a comment
     */
    record CustomerSurveys(LocalDateTime latestAt, Integer nps, Integer csat, Integer effort, int withComment) {

        @FunctionalInterface
        interface Consumer {
            void accept(String customerRef, CustomerSurveys surveys);
        }
    }

    /**
     * The customers' answers of a pass, compactly: each customer's number in the order first met, and per number the
     * latest answer's time, id and scores (a score of {@value #NONE} is none) and the count of comments.
     */
    private static final class GroupedSurveys {

        /** A score not given. */
        private static final byte NONE = -1;

        private final ObjectIntHashMap<String> numbers = new ObjectIntHashMap<>();
        private final LongArrayList latestSecond = new LongArrayList();
        private final IntArrayList latestNano = new IntArrayList();
        private final LongArrayList latestId = new LongArrayList();
        private final ByteArrayList nps = new ByteArrayList();
        private final ByteArrayList csat = new ByteArrayList();
        private final ByteArrayList effort = new ByteArrayList();
        private final IntArrayList withComment = new IntArrayList();

        void add(String ref, LocalDateTime at, long id, Integer npsGiven, Integer csatGiven, Integer effortGiven,
                int comment) {
            long second = at.toEpochSecond(ZoneOffset.UTC);
            int nano = at.getNano();
            int number = numbers.getOrDefault(ref, -1);
            if (number < 0) {
                numbers.put(ref, latestId.size());
                latestSecond.add(second);
                latestNano.add(nano);
                latestId.add(id);
                nps.add(score(npsGiven));
                csat.add(score(csatGiven));
                effort.add(score(effortGiven));
                withComment.add(comment);
                return;
            }
            withComment.set(number, withComment.get(number) + comment);
            if (later(second, nano, id, number)) {
                latestSecond.set(number, second);
                latestNano.set(number, nano);
                latestId.set(number, id);
                nps.set(number, score(npsGiven));
                csat.set(number, score(csatGiven));
                effort.set(number, score(effortGiven));
            }
        }

        /** Whether an answer at ({@code second}, {@code nano}) with {@code id} comes after customer {@code number}'s latest. */
        private boolean later(long second, int nano, long id, int number) {
            int bySecond = Long.compare(second, latestSecond.get(number));
            if (bySecond != 0) {
                return bySecond > 0;
            }
            int byNano = Integer.compare(nano, latestNano.get(number));
            return byNano != 0 ? byNano > 0 : id > latestId.get(number);
        }

        /** Lets go of the room the lists grew into and will not use: a pass is held while its pages are read. */
        void trim() {
            latestSecond.trimToSize();
            latestNano.trimToSize();
            latestId.trimToSize();
            nps.trimToSize();
            csat.trimToSize();
            effort.trimToSize();
            withComment.trimToSize();
        }

        int customers() {
            return numbers.size();
        }

        Optional<CustomerSurveys> of(String ref) {
            int number = numbers.getOrDefault(ref, -1);
            if (number < 0) {
                return Optional.empty();
            }
            return Optional.of(new CustomerSurveys(
                    LocalDateTime.ofEpochSecond(latestSecond.get(number), latestNano.get(number), ZoneOffset.UTC),
                    given(nps.get(number)), given(csat.get(number)), given(effort.get(number)),
                    withComment.get(number)));
        }

        private static byte score(Integer given) {
            if (given == null) {
                return NONE;
            }
            if (given < 0 || given > Byte.MAX_VALUE) {
                // the intake keeps scores to 0–10; a byte holds them, and must not wrap one that got past it
                throw new IllegalStateException("A survey score of " + given + " is out of any scale");
            }
            return given.byteValue();
        }

        private static Integer given(byte score) {
            return score == NONE ? null : (int) score;
        }
    }
}
