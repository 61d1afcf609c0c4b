package org.claimrules.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.claimrules.io.ClaimReader;
import org.claimrules.io.RecordReader;
import org.claimrules.io.Streams;

/** Reads a JSON Lines file of claims into records, as {@code score} does; bad records become error records. */
final class ClaimFile {

    private ClaimFile() {
    }

    /** @throws java.nio.file.NoSuchFileException when the input does not exist */
    static List<ClaimReader.Read> read(String input) throws IOException {
        List<ClaimReader.Read> records = new ArrayList<>();
        try (RecordReader in = new RecordReader(Streams.openInput(input), ClaimReader.MAX_RECORD_CHARS)) {
            RecordReader.Record record;
            while ((record = in.next()) != null) {
                records.add(ClaimReader.read(record, ClaimReader.MAX_RECORD_CHARS));
            }
        }
        return records;
    }
}
