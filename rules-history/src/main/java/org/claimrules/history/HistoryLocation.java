package org.claimrules.history;

import java.util.Locale;

/** What {@code --history} names: {@code none}, or the JDBC URL of an H2 or PostgreSQL database. */
public final class HistoryLocation {

    /**
     * The embedded default: an H2 file in the user's home, created on first use. H2 allows one
     * process at a time on a file; to share one history between processes, use PostgreSQL.
     */
    public static final String EMBEDDED_DEFAULT = "jdbc:h2:file:~/.claimrules/history";

    private HistoryLocation() {
    }

    /** The JDBC URL, or null for {@code none}. */
    public static String parse(String option) {
        if (option == null || option.isBlank()) {
            throw new IllegalArgumentException("--history needs a JDBC URL or 'none'");
        }
        if (option.trim().toLowerCase(Locale.ROOT).equals("none")) {
            return null;
        }
        if (option.startsWith("jdbc:h2:") || option.startsWith("jdbc:postgresql:")) {
            return option;
        }
        throw new IllegalArgumentException("--history takes 'none', jdbc:h2:file:PATH or jdbc:postgresql://HOST/DB, not "
                + JdbcHistoryStore.withoutSecrets(option));
    }
}
