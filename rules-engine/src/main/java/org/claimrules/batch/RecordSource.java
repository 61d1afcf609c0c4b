package org.claimrules.batch;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.claimrules.io.RecordReader;

/**
 * Reads records on its own thread, in batches: decoding and splitting the input overlaps the
 * member scan of the previous batch, and a stop is seen even while the input blocks (a pipe or a
 * terminal that sends nothing more).
 */
final class RecordSource implements AutoCloseable {

    private static final int BATCH = 512;
    private static final List<RecordReader.Record> END = List.of();

    private final RecordInput reader;
    private final BlockingQueue<List<RecordReader.Record>> queue = new ArrayBlockingQueue<>(16);
    private final Thread thread;
    private volatile IOException failure;
    private volatile Throwable fatal;
    private volatile boolean closed;

    /** A batch is passed on early when {@code reader} has nothing more ready. */
    RecordSource(RecordInput reader) {
        this.reader = reader;
        this.thread = new Thread(this::readAll, "claimrules-read");
        thread.setDaemon(true);
        thread.start();
    }

    private void readAll() {
        try {
            List<RecordReader.Record> batch = new ArrayList<>(BATCH);
            RecordReader.Record r;
            while (!closed && (r = reader.next()) != null) {
                batch.add(r);
                if (batch.size() == BATCH || !reader.ready()) {
                    queue.put(batch);
                    batch = new ArrayList<>(BATCH);
                }
            }
            if (!batch.isEmpty()) {
                queue.put(batch);
            }
        } catch (IOException e) {
            failure = e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            failure = new IOException(e.getMessage(), e);
        } catch (Error e) {
            // out of memory, say: the input is not at its end, and must not be taken to be
            fatal = e;
        } finally {
            try {
                queue.put(END);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The next batch, or null at the end of the input or once {@code stop} is raised. */
    List<RecordReader.Record> next(AtomicBoolean stop) throws IOException, InterruptedException {
        while (!stop.get()) {
            List<RecordReader.Record> batch = poll(100);
            if (batch != NOTHING_YET) {
                return batch;
            }
        }
        return null;
    }

    /** Returned by {@link #poll} when no batch came within the time given. */
    static final List<RecordReader.Record> NOTHING_YET = new ArrayList<>(0);

    /** The next batch, null at the end of the input, or {@link #NOTHING_YET} after {@code millis}. */
    List<RecordReader.Record> poll(long millis) throws IOException, InterruptedException {
        List<RecordReader.Record> batch = queue.poll(millis, TimeUnit.MILLISECONDS);
        if (batch == END) {
            if (fatal != null) {
                throw new ScoringFailedException("reading the input failed", fatal);
            }
            if (failure != null) {
                throw failure;
            }
            return null;
        }
        return batch == null ? NOTHING_YET : batch;
    }

    @Override
    public void close() throws IOException {
        closed = true;
        thread.interrupt();
        queue.clear();
        if (!thread.isAlive()) {
            reader.close();
        }
        // A reader blocked on a pipe keeps its stream; the JVM exits without waiting for it.
    }
}
