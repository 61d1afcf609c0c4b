package org.claimrules.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.claimrules.io.ClaimReader;
import org.claimrules.io.Json;
import org.claimrules.model.result.Outcome;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A worker that fails in any way ends the run with the reason; a stop ends it at once, even while
 * a task never returns, and keeps every result finished in input order. The timeouts only turn a
 * hang (the defect these tests guard against) into a failure instead of a stuck build.
 */
class PipelineStopsAndFailuresTest {

    static String input;
    static String[] reference;
    static int records;

    @TempDir
    Path tmp;

    @BeforeAll
    static void reference() throws Exception {
        List<String> lines = TestData.lines(7, 2000);
        records = lines.size();
        input = TestData.text(lines);
        List<ClaimReader.Read> reads = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            reads.add(ClaimReader.read(lines.get(i), i + 1));
        }
        List<String> out = new ArrayList<>();
        for (Outcome o : new BatchScorer(TestData.engine(), 1).score(reads)) {
            out.add(Json.mapper().writeValueAsString(o));
        }
        reference = out.toArray(String[]::new);
    }

    /** Progress that calls {@code action} for every task a worker finishes (workers call advance). */
    private static Progress onWorkerAdvance(java.util.function.IntConsumer action) {
        AtomicInteger calls = new AtomicInteger();
        return new Progress() {
            @Override
            public void phase(String name, long total) {
            }

            @Override
            public void advance(long n) {
                if (Thread.currentThread().getName().startsWith("claimrules-score")) {
                    action.accept(calls.incrementAndGet());
                }
            }

            @Override
            public void close() {
            }
        };
    }

    private static void assertPrefixOfTheCompleteOutput(ByteArrayOutputStream out, long written) {
        String text = out.toString(StandardCharsets.UTF_8);
        String[] lines = text.isEmpty() ? new String[0] : text.split("\n");
        assertEquals(written, lines.length);
        assertTrue(text.isEmpty() || text.endsWith("\n"));
        for (int i = 0; i < lines.length; i++) {
            assertEquals(reference[i], lines[i], "record " + i);
        }
    }

    @Test
    @Timeout(120)
    void anErrorInAWorkerEndsTheRunWithTheReasonWhileAnotherTaskNeverReturns() {
        CountDownLatch never = new CountDownLatch(1);
        Progress failing = onWorkerAdvance(call -> {
            if (call == 1) {
                await(never); // one task hangs, as a worker left stuck by an earlier error would
            } else if (call == 3) {
                throw new OutOfMemoryError("Java heap space");
            }
        });
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ScoringFailedException e = assertThrows(ScoringFailedException.class, () -> ScoringPipeline
                .builder(TestData.engine()).threads(2).spillDir(tmp).progress(failing).build()
                .run(new StringReader(input), out));
        assertTrue(e.getMessage().contains("out of memory"), e.getMessage());
        assertNotNull(e.soFar(), "how far the run got, for the summary and the partial output");
        assertPrefixOfTheCompleteOutput(out, e.soFar().written());
        never.countDown();
    }

    @Test
    @Timeout(120)
    void aFailureOnOneThreadIsReportedToo() {
        Progress failing = onWorkerAdvance(call -> {
            throw new IllegalStateException("a defect");
        });
        ScoringFailedException e = assertThrows(ScoringFailedException.class, () -> ScoringPipeline
                .builder(TestData.engine()).threads(1).spillDir(tmp).partitions(3).progress(failing).build()
                .run(new StringReader(input), new ByteArrayOutputStream()));
        assertTrue(e.getMessage().contains("IllegalStateException"), e.getMessage());
    }

    @Test
    @Timeout(120)
    void aStopWhileATaskNeverReturnsEndsTheRunAtOnce() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        AtomicBoolean stop = new AtomicBoolean();
        Progress stuck = onWorkerAdvance(call -> {
            if (call == 1) {
                await(never); // a member that takes forever
            } else if (call == 4) {
                stop.set(true);
            }
        });
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ScoringPipeline.Outcome o = ScoringPipeline.builder(TestData.engine()).threads(2).spillDir(tmp)
                .progress(stuck).stop(stop).build().run(new StringReader(input), out);
        assertFalse(o.complete());
        assertEquals(ScoringPipeline.Stage.SCORING, o.stoppedAt());
        assertPrefixOfTheCompleteOutput(out, o.written());
        never.countDown();
    }

    @Test
    @Timeout(120)
    void aStopWhileScoringInMemoryKeepsTheResultsFinishedInOrder() throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong scored = new AtomicLong();
        Progress stopLate = new Progress() {
            @Override
            public void phase(String name, long total) {
            }

            @Override
            public void advance(long n) {
                if (Thread.currentThread().getName().startsWith("claimrules-score")
                        && scored.addAndGet(n) > records * 8L / 10) {
                    stop.set(true);
                }
            }

            @Override
            public void close() {
            }
        };
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ScoringPipeline.Outcome o = ScoringPipeline.builder(TestData.engine()).threads(2).spillDir(tmp)
                .progress(stopLate).stop(stop).build().run(new StringReader(input), out);
        assertFalse(o.complete());
        assertEquals(ScoringPipeline.Stage.SCORING, o.stoppedAt());
        // Before results streamed, a stop while scoring a file that did not spill kept nothing.
        assertTrue(o.written() > 0, "written " + o.written());
        assertPrefixOfTheCompleteOutput(out, o.written());
    }

    @Test
    @Timeout(120)
    void aStopWhileScoringSpilledPartitionsKeepsTheCompletePrefix() throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        Progress stopSoon = onWorkerAdvance(call -> {
            if (call == 6) {
                stop.set(true);
            }
        });
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ScoringPipeline.Outcome o = ScoringPipeline.builder(TestData.engine()).threads(2).spillDir(tmp).partitions(2)
                .progress(stopSoon).stop(stop).build().run(new StringReader(input), out);
        assertFalse(o.complete());
        assertPrefixOfTheCompleteOutput(out, o.written());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
