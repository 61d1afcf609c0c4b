package org.claimrules.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Output files get the permissions any new file gets (the umask decides), not owner-only ones. */
class OutputFilePermissionsTest {

    @TempDir
    Path dir;

    @BeforeEach
    void posixOnly() throws IOException {
        assumeTrue(Files.getFileStore(dir).supportsFileAttributeView(PosixFileAttributeView.class));
    }

    private static void write(Path target) throws IOException {
        try (OutputFile f = OutputFile.create(target)) {
            f.stream().write("{}\n".getBytes());
            f.commit();
        }
    }

    @Test
    void aNewOutputFileFollowsTheUmaskLikeAnyNewFile() throws IOException {
        // What this process's umask gives a plain new file is the reference, whatever the umask is.
        Set<PosixFilePermission> plain = Files.getPosixFilePermissions(Files.createFile(dir.resolve("plain")));
        Path out = dir.resolve("results.jsonl");
        write(out);
        assertEquals(PosixFilePermissions.toString(plain), PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
    }

    @Test
    void aReplacedFileKeepsItsPermissions() throws IOException {
        Path out = Files.writeString(dir.resolve("results.jsonl"), "old\n");
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rw-r-----"));
        write(out);
        assertEquals("{}\n", Files.readString(out));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
    }
}
