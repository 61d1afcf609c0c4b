package org.claimrules.io;

import java.io.IOException;
import java.io.Reader;

/**
 * Splits JSON Lines input into records without ever holding more than {@code maxChars} of one
 * record: a longer record is skipped to its end and reported, so absurd input cannot exhaust memory.
 */
public final class RecordReader implements AutoCloseable {

    /**
     * One record read; {@code text} is null when the record was longer than the limit. With
     * {@code invalidUtf8} its bytes were not valid UTF-8 (see {@link Streams#MALFORMED}): the text
     * is what decoded, without the bad bytes, for readers that must follow the structure around it
     * (a FHIR resource over several lines); it is never to be read as the claim.
     *
     * <p>{@code claimKey} is what makes two records the same claim, for DUPLICATE_CLAIM: null for
     * the record's {@code claimId}; a reader of another format sets it where its claim IDs are
     * unique only within a part of the file (an X12 transaction).
     */
    public record Record(long inputLine, String text, long length, boolean invalidUtf8, String claimKey) {
        public Record(long inputLine, String text, long length) {
            this(inputLine, text, length, false, null);
        }

        public Record(long inputLine, String text, long length, boolean invalidUtf8) {
            this(inputLine, text, length, invalidUtf8, null);
        }

        public boolean tooLong() {
            return text == null && !invalidUtf8;
        }
    }

    private static final char BOM = '\uFEFF';

    private final Reader in;
    private final int maxChars;
    private final char[] buffer = new char[1 << 16];
    private int pos;
    private int end;
    private long lineNumber;
    private boolean atStart = true;
    private final StringBuilder current = new StringBuilder(2048);

    public RecordReader(Reader in, int maxChars) {
        if (maxChars < 1) {
            throw new IllegalArgumentException("maxChars must be positive, not " + maxChars);
        }
        this.in = in;
        this.maxChars = maxChars;
    }

    /** The next non-empty record, or null at the end of the input. */
    public Record next() throws IOException {
        while (true) {
            current.setLength(0);
            long length = 0;
            boolean sawAny = false;
            boolean malformed = false;
            char previous = '\n';
            while (true) {
                if (pos == end) {
                    end = in.read(buffer, 0, buffer.length);
                    pos = 0;
                    if (end <= 0) {
                        end = 0;
                        if (!sawAny) {
                            return null;
                        }
                        break;
                    }
                }
                if (atStart) {
                    atStart = false;
                    if (buffer[pos] == BOM) {
                        // Some editors start UTF-8 files with a byte order mark; it is not part of the
                        // record. Only the very first character of the input can be one.
                        pos++;
                        continue;
                    }
                }
                // The run of plain characters up to the end of the line, a mark or the buffer's end,
                // copied at once (as much of it as the limit allows).
                int stop = pos;
                while (stop < end && buffer[stop] != '\n' && buffer[stop] != Streams.MALFORMED) {
                    stop++;
                }
                if (stop > pos) {
                    sawAny = true;
                    int n = stop - pos;
                    long room = maxChars - length;
                    if (room > 0) {
                        current.append(buffer, pos, (int) Math.min(n, room));
                    }
                    length += n;
                    previous = buffer[stop - 1];
                    pos = stop;
                }
                if (pos == end) {
                    continue;
                }
                char c = buffer[pos++];
                sawAny = true;
                if (c == '\n') {
                    break;
                }
                // c is the decoder's mark character. The decoder never splits a surrogate pair, so a
                // low surrogate not after a high one can only be the mark it puts where the input's
                // bytes were not UTF-8.
                boolean mark = !Character.isHighSurrogate(previous);
                previous = c;
                if (mark) {
                    malformed = true;
                    continue;
                }
                length++;
                if (length <= maxChars) {
                    current.append(c);
                }
            }
            lineNumber++;
            if (length > maxChars) {
                return new Record(lineNumber, null, length);
            }
            String text = stripCarriageReturn(current);
            if (malformed) {
                return new Record(lineNumber, text, length, true);
            }
            if (!text.isBlank()) {
                return new Record(lineNumber, text, length);
            }
        }
    }

    private static String stripCarriageReturn(StringBuilder sb) {
        int len = sb.length();
        if (len > 0 && sb.charAt(len - 1) == '\r') {
            len--;
        }
        return sb.substring(0, len);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
