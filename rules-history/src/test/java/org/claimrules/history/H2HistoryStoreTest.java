package org.claimrules.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.claimrules.model.Intent;
import org.claimrules.model.result.Disposition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class H2HistoryStoreTest extends HistoryStoreContract {

    @TempDir
    Path dir;

    @Override
    HistoryStore openStore() {
        return JdbcHistoryStore.open(TestDatabases.h2(dir), 4);
    }

    @Override
    HistoryStore openSecondStore() {
        return JdbcHistoryStore.open(TestDatabases.h2(dir), 4);
    }

    @Test
    void theFileIsCreatedOnFirstUseAndTheHistoryOutlivesTheProcess(@TempDir Path other) {
        Path folder = other.resolve("not/yet/there");
        String url = "jdbc:h2:file:" + folder.resolve("history").toAbsolutePath();
        try (HistoryStore first = JdbcHistoryStore.open(url, 2)) {
            first.record("C-1", "M-1", VERSION, Disposition.ACCEPT, List.of(session("2026-01-05", Intent.DIAGNOSTIC, "C-1")));
        }
        assertTrue(Files.exists(folder.resolve("history.mv.db")));
        try (HistoryStore again = JdbcHistoryStore.open(url, 2)) {
            assertEquals(1, again.forMember("M-1", null).size());
        }
    }
}
