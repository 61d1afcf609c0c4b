package org.claimrules.service;

import java.nio.file.Path;
import org.claimrules.history.HistoryStore;
import org.claimrules.history.JdbcHistoryStore;
import org.junit.jupiter.api.io.TempDir;

class H2ConcurrentClaimsTest extends ConcurrentClaimsContract {

    @TempDir
    Path dir;

    @Override
    HistoryStore openStore() {
        return JdbcHistoryStore.open("jdbc:h2:file:" + dir.resolve("history"), 8);
    }
}
