package org.rapport.integration.csv;

/**
 * What a format does with the rows of one delivered file, in file order. One instance per file:
 * formats that correlate rows (the events of one call) keep their state here.
 */
public interface RowSink {

    /**
     * The file's columns, once its header is read (or, without a header, from the first row's width).
     *
     * @throws BadFieldException to reject the file, naming the column at fault
     */
    default void header(Columns columns) throws BadFieldException {
        // most formats find their columns row by row
    }

    /**
     * One data row.
     *
     * @throws BadFieldException to quarantine this row with its text as delivered
     */
    void row(DelimitedRow row, BatchCollector out) throws BadFieldException;

    /** The file has ended (or could be read no further): emit what is still held. */
    default void end(BatchCollector out) {
        // nothing held
    }
}
