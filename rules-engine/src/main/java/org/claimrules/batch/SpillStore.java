package org.claimrules.batch;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Temporary files for inputs larger than memory: records are spread over partitions by a hash of
 * their member, so each partition holds whole members and can be scored on its own; each
 * partition's results are written in input order and merged back by input index at the end.
 * Everything lives in one folder only its owner can read (0700, files 0600: they hold whole
 * claims), removed on close; one left by a killed run is removed by a later run (see
 * {@link SpillFolders}).
 */
final class SpillStore implements AutoCloseable {

    private static final int BUFFER = 1 << 15;

    private final Path dir;
    private final int partitions;
    private final DataOutputStream[] writers;
    private final long[] counts;

    SpillStore(Path parent, int partitions) {
        try {
            this.dir = SpillFolders.create(parent);
        } catch (IOException e) {
            throw new SpillException(e);
        }
        this.partitions = partitions;
        this.writers = new DataOutputStream[partitions];
        this.counts = new long[partitions];
    }

    int partitions() {
        return partitions;
    }

    Path dir() {
        return dir;
    }

    static int partitionOf(String key, long index, int partitions) {
        // A record without a member stands alone: spread those by position.
        int h = key == null ? Long.hashCode(index * 0x9E3779B97F4A7C15L) : mixed(key.hashCode());
        return Math.floorMod(h, partitions);
    }

    private static int mixed(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        return h;
    }

    void add(Chunk chunk) {
        for (int i = 0; i < chunk.size; i++) {
            add(chunk.index[i], chunk.inputLine[i], chunk.length[i], chunk.key[i], chunk.kind[i], chunk.text[i]);
        }
    }

    /** A failure writing the spill files (as opposed to reading the input). */
    static final class SpillException extends RuntimeException {
        SpillException(IOException cause) {
            super(cause);
        }

        IOException io() {
            return (IOException) getCause();
        }
    }

    void add(long index, long inputLine, long length, String key, byte kind, String text) {
        try {
            write(index, inputLine, length, key, kind, text);
        } catch (IOException e) {
            throw new SpillException(e);
        }
    }

    private void write(long index, long inputLine, long length, String key, byte kind, String text) throws IOException {
        int p = partitionOf(key, index, partitions);
        DataOutputStream out = writers[p];
        if (out == null) {
            out = open(input(p));
            writers[p] = out;
        }
        out.writeLong(index);
        out.writeLong(inputLine);
        out.writeLong(length);
        out.writeByte(kind);
        writeString(out, key);
        writeString(out, text);
        counts[p]++;
    }

    private static DataOutputStream open(Path file) throws IOException {
        return new DataOutputStream(new BufferedOutputStream(SpillFolders.newPrivateFile(file), BUFFER));
    }

    /** Ends the first pass: every partition file is complete. */
    void finishInput() {
        try {
            for (DataOutputStream w : writers) {
                if (w != null) {
                    w.close();
                }
            }
        } catch (IOException e) {
            throw new SpillException(e);
        }
    }

    long count(int partition) {
        return counts[partition];
    }

    Chunk load(int partition) throws IOException {
        Chunk chunk = new Chunk();
        if (counts[partition] == 0) {
            return chunk;
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(input(partition)), BUFFER))) {
            for (long i = 0; i < counts[partition]; i++) {
                long index = in.readLong();
                long line = in.readLong();
                long length = in.readLong();
                byte kind = in.readByte();
                String key = readString(in);
                chunk.add(index, line, length, key, kind, readString(in));
            }
        }
        Files.delete(input(partition));
        return chunk;
    }

    /** Where a partition's outcomes go, in the chunk's order (input order within the partition). */
    final class Results implements OrderedDrain.Sink, AutoCloseable {
        private final Chunk chunk;
        private final DataOutputStream out;

        Results(int partition, Chunk chunk) {
            this.chunk = chunk;
            try {
                this.out = open(output(partition));
            } catch (IOException e) {
                throw new SpillException(e);
            }
        }

        @Override
        public void accept(int position, byte[] outcome) {
            try {
                out.writeLong(chunk.index[position]);
                out.writeInt(outcome.length);
                out.write(outcome);
            } catch (IOException e) {
                throw new SpillException(e);
            }
        }

        @Override
        public void close() {
            try {
                out.close();
            } catch (IOException e) {
                throw new SpillException(e);
            }
        }
    }

    /**
     * Writes the partitions' results to {@code out} in input order, one line each, until done, or
     * {@code stop} is raised, or the next record in input order has no result (its partition was
     * not scored, when a stop came while scoring): what is written is always the complete output's
     * first records. Returns the number written. Output failures are reported as
     * {@link OutputFailedException}, spill read failures as plain I/O errors.
     */
    long merge(OutputStream out, Progress progress, AtomicBoolean stop) throws IOException {
        record Head(long index, byte[] bytes, int partition) {
        }
        DataInputStream[] readers = new DataInputStream[partitions];
        PriorityQueue<Head> heads = new PriorityQueue<>(Comparator.comparingLong(Head::index));
        long written = 0;
        try {
            for (int p = 0; p < partitions; p++) {
                if (counts[p] > 0 && Files.exists(output(p))) {
                    readers[p] = new DataInputStream(new BufferedInputStream(Files.newInputStream(output(p)), BUFFER));
                        Head first = next(readers[p], p, Head::new);
                    if (first != null) {
                        heads.add(first);
                    }
                }
            }
            while (!heads.isEmpty() && !stop.get() && heads.peek().index() == written) {
                Head h = heads.poll();
                ScoringPipeline.writeLine(out, h.bytes());
                written++;
                if ((written & 1023) == 0) {
                    progress.advance(1024);
                }
                Head n = next(readers[h.partition()], h.partition(), Head::new);
                if (n != null) {
                    heads.add(n);
                }
            }
            progress.advance(written & 1023);
            return written;
        } finally {
            for (DataInputStream r : readers) {
                if (r != null) {
                    r.close();
                }
            }
        }
    }

    private interface HeadFactory<T> {
        T make(long index, byte[] bytes, int partition);
    }

    private static <T> T next(DataInputStream in, int partition, HeadFactory<T> factory) throws IOException {
        long index;
        try {
            index = in.readLong();
        } catch (EOFException end) {
            return null;
        }
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return factory.make(index, bytes, partition);
    }

    private Path input(int p) {
        return dir.resolve("in-" + p);
    }

    private Path output(int p) {
        return dir.resolve("out-" + p);
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readString(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            return null;
        }
        byte[] b = new byte[n];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        for (DataOutputStream w : writers) {
            if (w != null) {
                try {
                    w.close();
                } catch (IOException ignored) {
                    // the folder is removed below; a failed close changes nothing
                }
            }
        }
        try {
            SpillFolders.remove(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the spill folder " + dir, e);
        }
    }
}
