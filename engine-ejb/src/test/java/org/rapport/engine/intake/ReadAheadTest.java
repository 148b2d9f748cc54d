package org.rapport.engine.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

/** A file read on a thread of its own while the caller writes what was read before. */
class ReadAheadTest {

    @Test
    void everythingReadIsWrittenInOrderOnTheCallersThreadAndReadingsResultComesBack() {
        ReadAhead<Integer> readAhead = new ReadAhead<>(ReadAhead.plainThreads());
        List<Integer> written = new ArrayList<>();
        AtomicReference<Thread> readingThread = new AtomicReference<>();
        Thread caller = Thread.currentThread();

        String result = readAhead.run(() -> {
            readingThread.set(Thread.currentThread());
            for (int item = 1; item <= 1000; item++) {
                readAhead.handOver(item);
            }
            return "read to its end";
        }, item -> {
            assertThat(Thread.currentThread()).isSameAs(caller);
            written.add(item);
        });

        assertThat(result).isEqualTo("read to its end");
        assertThat(written).hasSize(1000).isSorted().startsWith(1, 2, 3).endsWith(1000);
        assertThat(readingThread.get()).isNotSameAs(caller);
        assertThat(readingThread.get().isAlive()).as("the reader ended with its file").isFalse();
    }

    @Test
    void whenWritingFailsTheReaderStopsAndHasEndedBeforeTheFailureIsTheCallers() {
        ReadAhead<Integer> readAhead = new ReadAhead<>(ReadAhead.plainThreads());
        AtomicInteger handedOver = new AtomicInteger();
        AtomicReference<Thread> readingThread = new AtomicReference<>();
        AtomicReference<Throwable> readerStoppedBy = new AtomicReference<>();

        assertThatThrownBy(() -> readAhead.run(() -> {
            readingThread.set(Thread.currentThread());
            try {
                // far more than the writer will ever take: the reader must be stopped, not left waiting
                for (int item = 1; item <= 1_000_000; item++) {
                    readAhead.handOver(item);
                    handedOver.incrementAndGet();
                }
            } catch (RuntimeException stopped) {
                readerStoppedBy.set(stopped);
                throw stopped;
            }
            return null;
        }, item -> {
            if (item == 3) {
                throw new IllegalStateException("the database went away");
            }
        })).isInstanceOf(IllegalStateException.class).hasMessage("the database went away");

        assertThat(readingThread.get().isAlive()).as("no reader outlives its delivery").isFalse();
        assertThat(readerStoppedBy.get()).isInstanceOf(ReadAhead.Abandoned.class);
        assertThat(handedOver.get()).as("reading stopped a few items ahead of writing")
                .isLessThanOrEqualTo(3 + ReadAhead.WAITING + 1);
    }

    @Test
    void whenReadingFailsItsFailureIsTheCallersAfterWhatWasReadBeforeIsWritten() {
        ReadAhead<Integer> readAhead = new ReadAhead<>(ReadAhead.plainThreads());
        List<Integer> written = new ArrayList<>();

        assertThatThrownBy(() -> readAhead.run(() -> {
            readAhead.handOver(1);
            readAhead.handOver(2);
            throw new UncheckedIOException("File 'calls.csv' could not be read", new IOException("disk gone"));
        }, written::add)).isInstanceOf(UncheckedIOException.class).hasMessageContaining("calls.csv");

        assertThat(written).containsExactly(1, 2);
    }
}
