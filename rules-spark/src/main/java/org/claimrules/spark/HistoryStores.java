package org.claimrules.spark;

import java.util.Optional;
import java.util.ServiceLoader;

/** The provider for a {@code --history} location among those on the classpath. */
final class HistoryStores {

    private HistoryStores() {
    }

    static Optional<HistoryStoreProvider> provider(String location) {
        for (HistoryStoreProvider p : ServiceLoader.load(HistoryStoreProvider.class, HistoryStores.class.getClassLoader())) {
            if (p.accepts(location)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** Opens the store on an executor; the driver checked that a provider accepts the location. */
    static HistoryStore open(String location) {
        return provider(location).orElseThrow(() -> new IllegalStateException(
                "no history store provider on this executor's classpath accepts the --history location"))
                .open(location);
    }
}
