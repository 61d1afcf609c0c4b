package org.claimrules.spark;

import java.io.Serializable;
import java.util.Optional;
import org.claimrules.io.ClaimReader;

/**
 * One input record as text, with its input line, carried through the shuffle (the parsed claim is
 * not serialisable, and text is what the warehouse gave us). A record longer than
 * {@link ClaimReader#MAX_RECORD_CHARS} is carried without its text and becomes a TOO_LARGE error,
 * as in {@code claimrules score}.
 */
record RawRecord(long inputLine, String text, long length) implements Serializable {

    /**
     * The record of one line of a JSON Lines file, split on {@code \n} only: empty when the line is
     * blank. As {@link org.claimrules.io.RecordReader} does, the length counts a trailing carriage
     * return, which the text drops, and a line over the limit is an error even when it is blank.
     */
    static Optional<RawRecord> ofLine(String line, long inputLine) {
        if (line.length() > ClaimReader.MAX_RECORD_CHARS) {
            return Optional.of(new RawRecord(inputLine, null, line.length()));
        }
        String text = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        return text.isBlank() ? Optional.empty() : Optional.of(new RawRecord(inputLine, text, line.length()));
    }

    /** The record of one row already turned into JSON text (Parquet input). */
    static RawRecord ofJson(String json, long inputLine) {
        return json.length() > ClaimReader.MAX_RECORD_CHARS
                ? new RawRecord(inputLine, null, json.length()) : new RawRecord(inputLine, json, json.length());
    }

    ClaimReader.Read read() {
        return text == null ? ClaimReader.tooLong(inputLine, length) : ClaimReader.read(text, inputLine);
    }
}
