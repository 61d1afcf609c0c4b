package org.claimrules.batch;

import java.util.Arrays;

/**
 * Records held in memory between reading and scoring: their position in the input, input line,
 * member key and text (null for a record over the size limit, with its length). Parallel arrays
 * keep the overhead per record to a few dozen bytes.
 */
final class Chunk {

    long[] index = new long[1024];
    long[] inputLine = new long[1024];
    long[] length = new long[1024];
    String[] key = new String[1024];
    String[] text = new String[1024];
    int size;
    long chars;

    void add(long recordIndex, long line, long recordLength, String memberKey, String recordText) {
        if (size == index.length) {
            int n = size * 2;
            index = Arrays.copyOf(index, n);
            inputLine = Arrays.copyOf(inputLine, n);
            length = Arrays.copyOf(length, n);
            key = Arrays.copyOf(key, n);
            text = Arrays.copyOf(text, n);
        }
        index[size] = recordIndex;
        inputLine[size] = line;
        length[size] = recordLength;
        key[size] = memberKey;
        text[size] = recordText;
        size++;
        chars += (recordText == null ? 0 : recordText.length()) + (memberKey == null ? 0 : memberKey.length());
    }

    /** Roughly the heap the chunk holds: its text (one byte a character for ASCII) and the arrays. */
    long footprint() {
        return chars + 96L * size;
    }
}
