package org.claimrules.cli;

import java.io.PrintWriter;
import org.claimrules.history.HistoryLocation;
import picocli.CommandLine.Option;

/**
 * The {@code --history} option of the commands that use the claims history ({@code score},
 * {@code serve}, {@code purge-history}): what it names, parsed and reported in one place. A
 * command gives its default when it declares the mixin.
 */
public final class HistoryOption {

    @Option(names = "--history", paramLabel = "URL|none",
            description = "Claims history: a JDBC URL (jdbc:h2:file:PATH or jdbc:postgresql://HOST:PORT/DB?user=U&password=P) "
                    + "or none (default: none for score, " + HistoryLocation.EMBEDDED_DEFAULT
                    + " for serve; purge-history needs one).")
    String location;

    private String url;

    public HistoryOption() {
        this(null);
    }

    HistoryOption(String defaultLocation) {
        this.location = defaultLocation;
    }

    /** Reads the option; false, with the reason on {@code err}, when it names no history (exit {@link ExitCodes#USAGE}). */
    boolean parse(PrintWriter err) {
        try {
            url = HistoryLocation.parse(location);
            return true;
        } catch (IllegalArgumentException e) {
            err.println("claimrules: " + e.getMessage());
            err.flush();
            return false;
        }
    }

    /** The JDBC URL, or null for {@code none}; after {@link #parse}. */
    String url() {
        return url;
    }
}
