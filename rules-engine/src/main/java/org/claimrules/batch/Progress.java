package org.claimrules.batch;

/** Where the pipeline reports how far it is. Counts only: never claim or member data. */
public interface Progress extends AutoCloseable {

    /** A new phase starts; {@code total} is -1 while unknown. */
    void phase(String name, long total);

    /** {@code n} more records of the current phase are done (called from any thread). */
    void advance(long n);

    @Override
    void close();

    Progress NONE = new Progress() {
        @Override
        public void phase(String name, long total) {
        }

        @Override
        public void advance(long n) {
        }

        @Override
        public void close() {
        }
    };
}
