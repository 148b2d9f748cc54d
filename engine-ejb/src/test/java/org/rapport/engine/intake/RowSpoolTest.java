package org.rapport.engine.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rapport.engine.contact.CallOutcome;
import org.rapport.engine.customer.ChurnReason;
import org.rapport.engine.customer.CustomerStatus;
import org.rapport.engine.servicecase.ServiceCaseKind;

/**
 * A file's rows kept between its check and its writing: given back as they came, every kind of record and the
 * quarantined rows; the spool's own file readable by this process's user alone and gone once closed; only the
 * intake's rows read back.
 */
class RowSpoolTest {

    @TempDir
    Path directory;

    @Test
    void everyKindOfRowComesBackAsItWasHandedOverInOrder() {
        List<Object> rows = new ArrayList<>(List.of(
                new CustomerRecord(2, "C-1", "two-year", "north", "high", LocalDate.of(2020, 5, 1),
                        CustomerStatus.CHURNED, LocalDate.of(2026, 10, 3), ChurnReason.values()[0],
                        new BigDecimal("840.50"), "phone", true, false, null, null),
                new CallRecord(3, "AA0207/10000", "C-1", LocalDateTime.parse("2026-10-02T09:00:01"), 30, 60, 200,
                        CallOutcome.ANSWERED, true, 1, 0, null, "phone"),
                new QuarantinedRow(4, "ivr_seconds", "'-5' is negative", "4,C1,..."),
                new SurveyResponseRecord(5, "R-1", "C-1", LocalDateTime.parse("2026-10-02T10:00:00"), "relationship",
                        "call", 9, null, 4, "quick, thanks"),
                new PurchaseRecord(6, "P-1", "C-1", LocalDate.of(2026, 10, 4), new BigDecimal("19.99"), "top-up"),
                new ServiceCaseRecord(7, "S-1", "C-1", Instant.parse("2026-10-05T08:00:00Z"), null, "email",
                        ServiceCaseKind.values()[0], "billing", "a question")));
        // more rows than the stream keeps track of between two resets
        IntStream.range(0, 2_500).forEach(i -> rows.add(Deliveries.call(i + 8, "K-" + i, "C-" + i % 7,
                LocalDateTime.parse("2026-10-02T09:00:00").plusSeconds(i))));

        List<Object> back = new ArrayList<>();
        try (RowSpool spool = RowSpool.open(directory)) {
            rows.forEach(row -> handOver(spool, row));
            assertThat(spool.usable()).isTrue();
            spool.readInto(collecting(back));
        }

        assertThat(back).containsExactlyElementsOf(rows);
    }

    @Test
    void theSpoolIsItsUsersAloneAndGoneOnceClosed() throws Exception {
        Path file;
        try (RowSpool spool = RowSpool.open(directory)) {
            spool.record(Deliveries.call(2, "K-1", "C-1", LocalDateTime.parse("2026-10-02T09:00:00")));
            file = spool.file();
            assertThat(Files.getPosixFilePermissions(file))
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        }

        assertThat(file).doesNotExist();
    }

    @Test
    void aSpoolThatCannotBeMadeKeepsNothingAndSaysSo() {
        try (RowSpool spool = RowSpool.open(directory.resolve("no-such-folder"))) {
            spool.record(Deliveries.call(2, "K-1", "C-1", LocalDateTime.parse("2026-10-02T09:00:00")));

            assertThat(spool.usable()).as("the file is read again instead").isFalse();
            assertThatThrownBy(() -> spool.readInto(collecting(new ArrayList<>())))
                    .isInstanceOf(IllegalStateException.class);
        }
        assertThat(directory).isEmptyDirectory();
    }

    /** Whatever else a spool's file came to hold is not read back: only the intake's rows and what they hold. */
    @Test
    void anythingButRowsInTheSpoolIsRefusedWhenReadBack() throws Exception {
        List<Object> back = new ArrayList<>();
        try (RowSpool spool = RowSpool.open(directory)) {
            spool.record(Deliveries.call(2, "K-1", "C-1", LocalDateTime.parse("2026-10-02T09:00:00")));
            spool.finishWriting();
            try (ObjectOutputStream out = new ObjectOutputStream(Files.newOutputStream(spool.file()))) {
                out.writeObject(new HashMap<>(java.util.Map.of("a", "b")));
            }

            assertThatThrownBy(() -> spool.readInto(collecting(back))).isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("could not be read back")
                    .hasRootCauseMessage("filter status: REJECTED");
        }
        assertThat(back).as("nothing handed over").isEmpty();
    }

    private static void handOver(RowSpool spool, Object row) {
        if (row instanceof CanonicalRecord record) {
            spool.record(record);
        } else {
            spool.quarantine((QuarantinedRow) row);
        }
    }

    private static RecordSink collecting(List<Object> rows) {
        return new RecordSink() {
            @Override
            public void record(CanonicalRecord record) {
                rows.add(record);
            }

            @Override
            public void quarantine(QuarantinedRow row) {
                rows.add(row);
            }
        };
    }

}
