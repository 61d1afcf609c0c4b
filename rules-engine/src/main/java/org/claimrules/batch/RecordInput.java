package org.claimrules.batch;

import java.io.IOException;
import java.io.Reader;
import org.claimrules.io.ClaimReader;
import org.claimrules.io.RecordReader;

/**
 * Where the pipeline's records come from: JSON Lines by default, or a reader of another claim
 * format that turns each claim it finds into a record of text, in file order. The text is what
 * the pipeline holds, spills and groups by member ({@code patient.memberId}); {@link #decode}
 * turns it into a claim or an error record when it is scored.
 */
public interface RecordInput extends AutoCloseable {

    /** The next record, or null at the end of the input. */
    RecordReader.Record next() throws IOException;

    /** True when more input can be read without blocking: a batch is passed on early otherwise. */
    boolean ready() throws IOException;

    /** Reads one record's text; {@code position} is the record's input line (or its place in another format). */
    default ClaimReader.Read decode(String text, long position) {
        return ClaimReader.read(text, position);
    }

    @Override
    void close() throws IOException;

    /** JSON Lines, one claim per line, split by {@link RecordReader}. */
    static RecordInput jsonLines(Reader in, int maxRecordChars) {
        RecordReader reader = new RecordReader(in, maxRecordChars);
        return new RecordInput() {
            @Override
            public RecordReader.Record next() throws IOException {
                return reader.next();
            }

            @Override
            public boolean ready() throws IOException {
                return in.ready();
            }

            @Override
            public void close() throws IOException {
                reader.close();
            }
        };
    }
}
