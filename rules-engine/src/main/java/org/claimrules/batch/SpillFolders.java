package org.claimrules.batch;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * The spill folders' life outside one run. Spill files hold whole claims, so they are created for
 * their owner only (folder 0700, files 0600) whatever the umask. Each folder holds a marker,
 * {@code owner}, naming the process that made it (its PID and start time): a run killed with
 * {@code kill -9} cannot remove its folder, so every later run removes the folders in its spill
 * directory whose owner is gone, and leaves (and names) those it cannot prove abandoned.
 */
final class SpillFolders {

    static final String PREFIX = ".claimrules-spill-";
    static final String MARKER = "owner";

    /** What a clean-up found: the folders removed, and the ones left with the reason. */
    record Cleanup(List<Path> removed, List<String> left) {
    }

    private SpillFolders() {
    }

    private static boolean posix(Path dir) {
        return dir.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    static Path create(Path parent) throws IOException {
        Path dir = posix(parent)
                ? Files.createTempDirectory(parent, PREFIX, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")))
                : Files.createTempDirectory(parent, PREFIX);
        ProcessHandle self = ProcessHandle.current();
        String marker = "pid=" + self.pid() + "\nstart=" + self.info().startInstant().map(Instant::toString).orElse("")
                + "\n";
        try (OutputStream out = newPrivateFile(dir.resolve(MARKER))) {
            out.write(marker.getBytes(StandardCharsets.UTF_8));
        }
        return dir;
    }

    /** A new file only its owner can read and write. */
    static OutputStream newPrivateFile(Path file) throws IOException {
        if (posix(file.getParent())) {
            FileAttribute<?> ownerOnly = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
            try {
                Files.createFile(file, ownerOnly);
            } catch (FileAlreadyExistsException e) {
                // the results of a partition written again: the file keeps its mode
            }
        }
        return Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
    }

    /** Removes the files directly in a spill folder, then the folder; never follows a link. */
    static void remove(Path dir) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                Files.deleteIfExists(f);
            }
        } catch (NoSuchFileException gone) {
            return;
        }
        Files.deleteIfExists(dir);
    }

    /** Removes the spill folders in {@code parent} whose owning process is gone. */
    static Cleanup removeStale(Path parent) {
        List<Path> removed = new ArrayList<>();
        List<String> left = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(parent, PREFIX + "*")) {
            for (Path dir : entries) {
                if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                Optional<Boolean> abandoned = abandoned(dir);
                if (abandoned.isEmpty()) {
                    left.add(dir + " (no readable owner marker: not made by this version, or not ours)");
                } else if (abandoned.get()) {
                    try {
                        remove(dir);
                        removed.add(dir);
                    } catch (IOException e) {
                        left.add(dir + " (cannot be removed: " + e.getMessage() + ")");
                    }
                }
            }
        } catch (NoSuchFileException e) {
            // no folder, no spill folders in it; the run says so if it needs one
        } catch (IOException e) {
            left.add(parent + " (cannot be listed: " + e.getMessage() + ")");
        }
        return new Cleanup(removed, left);
    }

    /** True when the marker's process no longer runs; empty when the folder has no readable marker. */
    static Optional<Boolean> abandoned(Path dir) {
        Properties owner = new Properties();
        try (var in = Files.newInputStream(dir.resolve(MARKER), LinkOption.NOFOLLOW_LINKS)) {
            owner.load(in);
        } catch (IOException e) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(owner.getProperty("pid", ""));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        String start = owner.getProperty("start", "");
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty() || !process.get().isAlive()) {
            return Optional.of(true);
        }
        // A live process with that PID is the owner unless its start time says it is a later one.
        Optional<String> liveStart = process.get().info().startInstant().map(Instant::toString);
        return Optional.of(!start.isEmpty() && liveStart.isPresent() && !liveStart.get().equals(start));
    }
}
