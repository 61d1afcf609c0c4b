package org.claimrules.batch;

import java.util.Arrays;
import org.claimrules.io.ClaimReader;

/**
 * Records held in memory between reading and scoring: their position in the input, input line,
 * member key, kind and text. Parallel arrays keep the overhead per record to a few dozen bytes.
 */
final class Chunk {

    /** The record's text, to be read as a claim. */
    static final byte TEXT = 0;
    /** Over the size limit: no text, only its length. */
    static final byte TOO_LONG = 1;
    /** Its bytes were not UTF-8: no text. */
    static final byte INVALID_UTF8 = 2;
    /** An earlier record of the batch has its claim ID: the text slot holds the record's text. */
    static final byte DUPLICATE = 3;

    long[] index = new long[1024];
    long[] inputLine = new long[1024];
    long[] length = new long[1024];
    String[] key = new String[1024];
    String[] text = new String[1024];
    byte[] kind = new byte[1024];
    int size;
    long chars;

    void add(long recordIndex, long line, long recordLength, String memberKey, byte recordKind, String recordText) {
        if (size == index.length) {
            int n = size * 2;
            index = Arrays.copyOf(index, n);
            inputLine = Arrays.copyOf(inputLine, n);
            length = Arrays.copyOf(length, n);
            key = Arrays.copyOf(key, n);
            text = Arrays.copyOf(text, n);
            kind = Arrays.copyOf(kind, n);
        }
        index[size] = recordIndex;
        inputLine[size] = line;
        length[size] = recordLength;
        key[size] = memberKey;
        kind[size] = recordKind;
        text[size] = recordText;
        size++;
        chars += (recordText == null ? 0 : recordText.length()) + (memberKey == null ? 0 : memberKey.length());
    }

    /** Roughly the heap the chunk holds: its text (one byte a character for ASCII) and the arrays. */
    long footprint() {
        return chars + 97L * size;
    }

    /** Reads a record's text into a claim or an error record ({@link RecordInput#decode}). */
    interface Decoder {
        ClaimReader.Read read(String text, long position);
    }

    /** The claim or error record at {@code pos}, its text read by {@code decoder}. */
    ClaimReader.Read read(int pos, int maxRecordChars, Decoder decoder) {
        long line = inputLine[pos];
        return switch (kind[pos]) {
            case TOO_LONG -> ClaimReader.tooLong(line, length[pos], maxRecordChars);
            case INVALID_UTF8 -> ClaimReader.invalidUtf8(line);
            case DUPLICATE -> ClaimReader.duplicate(MemberKey.scan(text[pos]).claimId(), line);
            default -> decoder.read(text[pos], line);
        };
    }
}
