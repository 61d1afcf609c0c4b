package org.claimrules.service;

import java.nio.file.Files;
import java.nio.file.Path;
import org.claimrules.engine.ClaimEngine;
import org.claimrules.history.JdbcHistoryStore;

/**
 * The service in a process of its own, started as {@code claimrules serve} starts it, for the test
 * that stops it with a real SIGTERM. Arguments: ruleset folder, history URL, file to write the port to.
 */
public final class ServiceProcess {

    private ServiceProcess() {
    }

    public static void main(String[] args) throws Exception {
        ClaimEngine engine = ClaimEngine.fromDirectory(Path.of(args[0]));
        engine.setClaimBudget(java.time.Duration.ofMinutes(1)); // the slow test claim must not be stopped
        ClaimServer server = ClaimServer.start(engine, JdbcHistoryStore.open(args[1], 4),
                ClaimServer.Options.defaults(0).withRulesDir(Path.of(args[0])));
        server.stopOnShutdown();
        Path port = Path.of(args[2]);
        Files.writeString(port.resolveSibling(port.getFileName() + ".tmp"), Integer.toString(server.port()));
        Files.move(port.resolveSibling(port.getFileName() + ".tmp"), port);
        server.awaitStop();
    }
}
