package org.claimrules.spark;

/**
 * Opens a {@link HistoryStore} from the {@code --history} location. Implementations are found with
 * {@link java.util.ServiceLoader} ({@code META-INF/services/org.claimrules.spark.HistoryStoreProvider}),
 * so a store module on the job's classpath is all it takes to wire one in.
 */
public interface HistoryStoreProvider {

    /** True when this provider reads {@code location} (a URL or a path; each provider its own scheme). */
    boolean accepts(String location);

    HistoryStore open(String location);
}
