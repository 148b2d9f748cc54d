package org.rapport.integration.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.rapport.engine.intake.CanonicalRecord;
import org.rapport.engine.intake.CollectedRows;
import org.rapport.engine.intake.IntakeBatch;
import org.rapport.engine.intake.PurchaseRecord;
import org.rapport.engine.intake.QuarantinedRow;
import org.rapport.engine.intake.RecordSink;
import org.rapport.engine.intake.SourceKind;

/** The shared reading path: a quarantined row keeps its text exactly as delivered. */
class CsvIntakeReaderTest {

    private final CsvIntakeReader<PurchaseRecord> reader = new CsvIntakeReader<>(SourceKind.PURCHASES, "test",
            List.of("customer_id", "amount"),
            row -> new PurchaseRecord(row.line(), row.text("customer_id", 64), null, row.amount("amount"), null));

    @Test
    void aQuarantinedRowKeepsItsTextAsDeliveredQuotesAndLineBreaksIncluded() throws IOException {
        IntakeBatch batch = read("customer_id,amount,note\r\n"
                + ",1.00,first field empty\r\n"
                + "\"C-1\",\"12,50\",\"spans\r\ntwo lines\"\r\n"
                + "C-2,3.00,fine\r\n"
                + "C-3,x,last row\r\n");

        assertThat(batch.records()).hasSize(1);
        assertThat(batch.quarantined()).extracting(QuarantinedRow::line, QuarantinedRow::rawText).containsExactly(
                tuple(2L, ",1.00,first field empty"),
                tuple(3L, "\"C-1\",\"12,50\",\"spans\r\ntwo lines\""),
                tuple(6L, "C-3,x,last row"));
    }

    @Test
    void aBadRowFarIntoALargeFileKeepsItsText() throws IOException {
        StringBuilder file = new StringBuilder("customer_id,amount\n");
        for (int row = 0; row < 20_000; row++) {
            file.append("C-").append(row).append(",1.00\n");
        }
        file.append("C-bad,-1\n").append("C-last,2.00\n");

        IntakeBatch batch = read(file.toString());

        assertThat(batch.records()).hasSize(20_001);
        assertThat(batch.quarantined()).singleElement()
                .isEqualTo(new QuarantinedRow(20_002, "amount",
                        "'-1' is not an amount (0 or more, at most 2 decimals, e.g. 1234.50)", "C-bad,-1"));
    }

    @Test
    void aRejectedHeaderIsKeptAsDelivered() throws IOException {
        IntakeBatch batch = read("customer_id;amount\r\nC-1;1.00\r\n");

        assertThat(batch.quarantined()).singleElement().extracting(QuarantinedRow::rawText)
                .isEqualTo("customer_id;amount");
        assertThat(batch.rejection()).isEqualTo("line 1, field customer_id: the header lacks columns customer_id,"
                + " amount; a purchases file needs customer_id,amount");
    }

    @Test
    void eachRowIsHandedOnAsSoonAsItIsReadLongBeforeTheFileEnds() throws IOException {
        StringBuilder file = new StringBuilder("customer_id,amount\n");
        for (int row = 0; row < 100_000; row++) {
            file.append("C-").append(row).append(",1.00\n");
        }
        byte[] bytes = file.toString().getBytes(StandardCharsets.UTF_8);
        CountingInputStream content = new CountingInputStream(new ByteArrayInputStream(bytes));
        List<Long> bytesReadAtEachThousandthRow = new ArrayList<>();
        RecordSink sink = new RecordSink() {
            private int rows;

            @Override
            public void record(CanonicalRecord record) {
                if (++rows % 1000 == 0) {
                    bytesReadAtEachThousandthRow.add(content.count());
                }
            }

            @Override
            public void quarantine(QuarantinedRow row) {
                throw new AssertionError("no bad row");
            }
        };

        reader.stream("test.csv", content, sink);

        assertThat(bytesReadAtEachThousandthRow).hasSize(100);
        assertThat(bytesReadAtEachThousandthRow.get(0)).as("bytes read when the first 1000 rows were out")
                .isLessThan(bytes.length / 10);
        assertThat(content.count()).isEqualTo(bytes.length);
    }

    private IntakeBatch read(String text) throws IOException {
        CollectedRows rows = new CollectedRows();
        QuarantinedRow rejection = reader.stream("test.csv",
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), rows);
        return rows.toBatch(SourceKind.PURCHASES, "test", "test.csv", "not looked at", rejection);
    }
}
