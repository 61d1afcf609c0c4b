package org.claimrules.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.util.Set;

/**
 * An output file that is complete or clearly not: bytes go to a hidden temporary file beside the
 * target, which is moved into place only by {@link #commit()}. {@link #keepPartial()} keeps what
 * was written under {@code <name>.partial} instead; {@link #discard()} removes it. A new file
 * follows the umask; a file replaced keeps its permissions.
 */
public final class OutputFile implements AutoCloseable {

    /** Opens the stream a file's bytes go to; tests replace it to simulate a failing disk. */
    public interface Opener {
        OutputStream open(Path path, boolean gzip) throws IOException;
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path target;
    private final Path temp;
    private final OutputStream stream;
    private boolean closed;

    private OutputFile(Path target, Path temp, OutputStream stream) {
        this.target = target;
        this.temp = temp;
        this.stream = stream;
    }

    public static OutputFile create(Path target, Opener opener) throws IOException {
        Path temp = createTemp(target);
        try {
            return new OutputFile(target, temp, opener.open(temp, target.getFileName().toString().endsWith(".gz")));
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    public static OutputFile create(Path target) throws IOException {
        return create(target, Streams::openOutputStream);
    }

    /**
     * A new hidden file beside the target. Unlike {@link Files#createTempFile} (always owner-only),
     * it gets the permissions the umask gives any new file, or those of the file it will replace,
     * so that the output can be read by whoever could read a file the user writes by hand.
     */
    private static Path createTemp(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Set<PosixFilePermission> existing = Files.exists(target) && Files.getFileStore(dir)
                .supportsFileAttributeView(PosixFileAttributeView.class) ? Files.getPosixFilePermissions(target) : null;
        while (true) {
            Path temp = dir.resolve("." + target.getFileName() + "." + Long.toUnsignedString(RANDOM.nextLong(), 36)
                    + ".partial");
            try {
                Files.createFile(temp);
            } catch (FileAlreadyExistsException taken) {
                continue;
            }
            try {
                if (existing != null) {
                    Files.setPosixFilePermissions(temp, existing);
                }
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(temp);
                throw e;
            }
            return temp;
        }
    }

    public OutputStream stream() {
        return stream;
    }

    public Path target() {
        return target;
    }

    /**
     * Closes the stream (a failure here is a failed write) and moves the file into place; a
     * {@code .partial} left by an earlier, interrupted run is removed, so it cannot be mistaken for
     * part of this output.
     */
    public void commit() throws IOException {
        closeStream();
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Files.deleteIfExists(partial());
    }

    private Path partial() {
        return target.resolveSibling(target.getFileName() + ".partial");
    }

    /** Closes the stream and keeps what was written as {@code <name>.partial}; returns that path. */
    public Path keepPartial() throws IOException {
        closeStream();
        Path partial = partial();
        Files.move(temp, partial, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return partial;
    }

    /** Closes the stream, ignoring a second failure, and removes the temporary file. */
    public void discard() {
        try {
            closeStream();
        } catch (IOException | RuntimeException ignored) {
            // the write already failed; the file goes either way
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // nothing more can be done; the name is hidden and ends in .partial
        }
    }

    private void closeStream() throws IOException {
        if (!closed) {
            closed = true;
            stream.close();
        }
    }

    /** Removes the temporary file unless it was committed or kept. */
    @Override
    public void close() {
        if (Files.exists(temp)) {
            discard();
        }
    }
}
