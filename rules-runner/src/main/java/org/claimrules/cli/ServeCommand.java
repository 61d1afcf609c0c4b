package org.claimrules.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import org.claimrules.engine.ClaimEngine;
import org.claimrules.history.HistoryLocation;
import org.claimrules.history.HistoryStore;
import org.claimrules.history.HistoryStoreException;
import org.claimrules.history.JdbcHistoryStore;
import org.claimrules.service.ClaimServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code claimrules serve}: the adjudication service over HTTP, with the claims history kept in a
 * database (README, "Adjudication service"). Runs until SIGTERM or Ctrl-C, then stops gracefully.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Score claims over HTTP (POST /v1/claims), keeping each member's history between claims.")
public final class ServeCommand implements java.util.concurrent.Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", description = "Port to listen on (default: ${DEFAULT-VALUE}; 0 for any free port).")
    int port = 8080;

    @Option(names = "--bind", paramLabel = "ADDRESS", description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
    String bind = "127.0.0.1";

    @Mixin
    HistoryOption history = new HistoryOption(HistoryLocation.EMBEDDED_DEFAULT);

    @Option(names = "--threads", paramLabel = "N", description = "Requests answered at once (default: twice the cores, at least 4).")
    int threads = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());

    @Option(names = "--request-timeout", paramLabel = "SECONDS", description = "Most time a claim may take before it is refused unrecorded (default: ${DEFAULT-VALUE}).")
    int requestTimeout = 10;

    @Mixin
    RulesetOption ruleset;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (!history.parse(err)) {
            return ExitCodes.USAGE;
        }
        String url = history.url();
        ClaimEngine engine = ruleset.engine(err);
        if (engine == null) {
            return ExitCodes.RULESET;
        }
        HistoryStore store;
        try {
            store = url == null ? null : JdbcHistoryStore.open(url, threads + 2);
        } catch (HistoryStoreException e) {
            err.println("claimrules: " + e.getMessage());
            return ExitCodes.HISTORY_UNAVAILABLE;
        }
        ClaimServer.Options options = ClaimServer.Options.defaults(port).withBind(bind).withThreads(threads)
                .withRequestTimeout(Duration.ofSeconds(Math.max(1, requestTimeout))).withRulesDir(ruleset.rules);
        ClaimServer server;
        try {
            server = ClaimServer.start(engine, store, options);
        } catch (IOException e) {
            err.println("claimrules: cannot listen on " + bind + ":" + port + ": " + e.getMessage());
            if (store != null) {
                store.close();
            }
            return ExitCodes.USAGE;
        }
        server.stopOnShutdown();
        err.println("claimrules: serving on http://" + bind + ":" + server.port() + " (ruleset "
                + engine.ruleset().version() + ", history " + (store == null ? "none" : store.description())
                + "); stop with Ctrl-C or SIGTERM");
        err.flush();
        server.awaitStop();
        return ExitCodes.OK;
    }
}
