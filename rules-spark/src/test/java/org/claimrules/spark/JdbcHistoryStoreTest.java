package org.claimrules.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.claimrules.io.ClaimReader;
import org.claimrules.model.ClaimLine;
import org.claimrules.spark.LocalSpark.Scored;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --history jdbc:...}: the store {@code claimrules score --history} writes is read by the
 * job, which then gives what {@code claimrules score --history} gives on the same store.
 */
class JdbcHistoryStoreTest {

    @TempDir
    Path dir;

    @Test
    void theJobReadsTheStoreThatScoreWroteAndScoresAsScoreDoes() throws Exception {
        List<String> lines = Files.readAllLines(LocalSpark.generate(dir, 1200, 21));
        List<String> earlier = new ArrayList<>();
        List<String> later = new ArrayList<>();
        LocalDate cut = LocalDate.of(2026, 3, 29);
        long n = 0;
        for (String line : lines) {
            ClaimReader.Read r = ClaimReader.read(line, ++n);
            LocalDate first = r.ok() ? r.claim().lines().stream().map(ClaimLine::serviceDate)
                    .filter(d -> d != null).min(LocalDate::compareTo).orElse(cut) : cut;
            (first.isBefore(cut) ? earlier : later).add(line);
        }
        Path earlierFile = Files.write(dir.resolve("earlier.jsonl"), earlier);
        Path laterFile = Files.write(dir.resolve("later.jsonl"), later);
        Path store = dir.resolve("store");
        assertEquals(0, LocalSpark.cliScore(earlierFile, dir.resolve("earlier-results.jsonl"),
                "--history", url(store)).exit());
        Path copy = copyOf(store, dir.resolve("store-copy"));
        Path second = copyOf(store, dir.resolve("store-second"));

        Scored expected = LocalSpark.cliScore(laterFile, dir.resolve("expected.jsonl"), "--history", url(copy));
        Scored withoutStore = LocalSpark.sparkScore(laterFile, dir.resolve("out-plain"));
        Scored spark = LocalSpark.sparkScore(laterFile, dir.resolve("out"), "--history", url(store));

        assertEquals(0, spark.exit());
        assertNotEquals(withoutStore.lines(), expected.lines(), "the stored sessions change some results");
        assertEquals(expected.lines(), spark.lines());

        // Scored again, a claim's own recorded sessions do not count against it (a resent claim replaces itself).
        Scored resentExpected = LocalSpark.cliScore(earlierFile, dir.resolve("resent.jsonl"), "--history", url(second));
        Scored resent = LocalSpark.sparkScore(earlierFile, dir.resolve("out-resent"), "--history", url(store));
        assertEquals(resentExpected.lines(), resent.lines());
        assertEquals(LocalSpark.lines(dir.resolve("earlier-results.jsonl")).stream().sorted().toList(), resent.lines());
    }

    private static String url(Path store) {
        return "jdbc:h2:file:" + store.resolve("history").toAbsolutePath();
    }

    private static Path copyOf(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
        return to;
    }
}
