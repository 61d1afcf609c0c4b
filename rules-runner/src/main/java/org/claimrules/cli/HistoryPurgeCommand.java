package org.claimrules.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.claimrules.history.HistoryStore;
import org.claimrules.history.HistoryStoreException;
import org.claimrules.history.JdbcHistoryStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code claimrules purge-history}: removes members from the claims history, with every claim and
 * session recorded for them. The member IDs are read from standard input, one a line, so that they
 * appear in no process list or shell history; only counts are printed.
 */
@Command(name = "purge-history", mixinStandardHelpOptions = true,
        description = "Remove the members whose IDs are read from standard input (one a line) from the claims history.")
public final class HistoryPurgeCommand implements java.util.concurrent.Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    HistoryOption history = new HistoryOption();

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (!history.parse(err)) {
            return ExitCodes.USAGE;
        }
        String url = history.url();
        if (url == null) {
            err.println("claimrules: purge-history needs a database, not 'none'");
            return ExitCodes.USAGE;
        }
        long members = 0;
        long claims = 0;
        try (HistoryStore store = JdbcHistoryStore.open(url, 2);
                BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                String member = line.strip();
                if (!member.isEmpty() && member.length() <= HistoryStore.MAX_MEMBER_ID_CHARS) {
                    claims += store.purgeMember(member);
                    members++;
                }
            }
        } catch (HistoryStoreException e) {
            err.println("claimrules: " + e.getMessage() + " (after " + members + " members)");
            return ExitCodes.HISTORY_UNAVAILABLE;
        }
        err.println("claimrules: " + members + " members purged from the claims history, " + claims + " claims removed");
        return ExitCodes.OK;
    }
}
