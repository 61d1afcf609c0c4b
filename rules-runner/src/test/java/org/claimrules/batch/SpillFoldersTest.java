package org.claimrules.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spill files hold whole claims: owner-only, and never left behind for good by a killed run. */
class SpillFoldersTest {

    @TempDir
    Path tmp;

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void spillFilesAreOwnerOnlyWhateverTheUmask() throws Exception {
        try (SpillStore spill = new SpillStore(tmp, 2)) {
            spill.add(0, 1, 10, "M-1", Chunk.TEXT, "{\"claimId\":\"C-1\"}");
            spill.add(1, 2, 10, "M-2", Chunk.TEXT, "{\"claimId\":\"C-2\"}");
            spill.finishInput();
            assertEquals("rwx------", mode(spill.dir()));
            try (Stream<Path> files = Files.list(spill.dir())) {
                List<Path> all = files.toList();
                assertTrue(all.size() >= 2, all.toString());
                for (Path f : all) {
                    assertEquals("rw-------", mode(f), f.toString());
                }
            }
            assertTrue(Files.readString(spill.dir().resolve(SpillFolders.MARKER)).contains("pid=" + ProcessHandle.current().pid()));
        }
    }

    @Test
    void aRunRemovesTheFoldersOfDeadRunsAndLeavesTheOthers() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path dead = folder("dead", "pid=" + gone.pid() + "\nstart=2020-01-01T00:00:00Z\n");
        ProcessHandle self = ProcessHandle.current();
        Path live = folder("live", "pid=" + self.pid() + "\nstart=" + self.info().startInstant().orElseThrow() + "\n");
        Path reused = folder("reused", "pid=" + self.pid() + "\nstart=2020-01-01T00:00:00Z\n");
        Path unknown = folder("unknown", null);
        ScoringPipeline.builder(TestData.engine()).threads(1).spillDir(tmp).build()
                .run(new StringReader(TestData.text(TestData.lines(1, 5))), new ByteArrayOutputStream());
        assertFalse(Files.exists(dead), "the folder of a process that is gone");
        assertFalse(Files.exists(reused), "the folder of an earlier process whose PID was reused");
        assertTrue(Files.exists(live), "the folder of a run still going");
        assertTrue(Files.exists(unknown), "a folder without our marker is not ours to remove");
        assertTrue(Files.exists(tmp.resolve("keep.txt")), "nothing else is touched");
    }

    private Path folder(String name, String marker) throws Exception {
        Path dir = Files.createDirectory(tmp.resolve(SpillFolders.PREFIX + name));
        Files.writeString(dir.resolve("in-0"), "{\"claimId\":\"C-1\",\"patient\":{\"memberId\":\"SECRET\"}}");
        if (marker != null) {
            Files.writeString(dir.resolve(SpillFolders.MARKER), marker);
        }
        Files.writeString(tmp.resolve("keep.txt"), "not a spill folder");
        return dir;
    }
}
