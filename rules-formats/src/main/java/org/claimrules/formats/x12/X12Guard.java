package org.claimrules.formats.x12;

import java.io.IOException;
import java.io.InputStream;

/**
 * What StAEDI reads: the file's bytes, with two kinds of bad input turned into marks that the
 * reader makes an error of one claim, where StAEDI itself would stop and lose every claim up to the
 * next interchange.
 * <ul>
 *   <li>Bytes that are not UTF-8 become {@link #NOT_UTF8} (U+FFFF, a noncharacter), one per bad byte:
 *       StAEDI's decoder fails on them and cannot read on.</li>
 *   <li>An element longer than {@link #MAX_ELEMENT} bytes is cut there and ends with
 *       {@link #TOO_LONG} (U+FFFE): StAEDI holds an element in a 4,096-character buffer and fails past
 *       it. No element of an 837P is longer than 264 characters.</li>
 * </ul>
 * The delimiters that end an element are learnt from each {@code ISA} (its element separator, the
 * repetition separator ISA11, the component separator ISA16 and the segment terminator after it);
 * line breaks end one too.
 */
final class X12Guard extends InputStream {

    static final char NOT_UTF8 = '\uFFFF';
    static final char TOO_LONG = '\uFFFE';
    static final int MAX_ELEMENT = 1000;
    private static final byte[] NOT_UTF8_BYTES = {(byte) 0xEF, (byte) 0xBF, (byte) 0xBF};
    private static final byte[] TOO_LONG_BYTES = {(byte) 0xEF, (byte) 0xBF, (byte) 0xBE};

    private final InputStream in;
    private final byte[] raw = new byte[1 << 16];
    private int rawPos;
    private int rawLimit;
    private boolean eof;
    private final byte[] out = new byte[raw.length * 3 + 8];
    private int outPos;
    private int outLimit;

    /** The delimiters of the current interchange (-1 until an ISA gives them). */
    private int element = -1;
    private int component = -1;
    private int repetition = -1;
    private int terminator = -1;
    /** Bytes since the last delimiter; past the limit, bytes are dropped up to the next one. */
    private int run;
    private boolean cut;
    /** The last four bytes, to see an "ISA" segment start (after a terminator, a line break or the file's start). */
    private static final int START = -2;
    private int b1 = START;
    private int b2 = START;
    private int b3 = START;
    private int b4 = START;
    /** Inside an ISA: its separator, how many separators seen, and the bytes read of it. */
    private int isaSeparator = -1;
    private int isaSeparators;
    private int isaBytes;

    X12Guard(InputStream in) {
        this.in = in;
    }

    @Override
    public int read() throws IOException {
        if (outPos == outLimit && !produce()) {
            return -1;
        }
        return out[outPos++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (outPos == outLimit && !produce()) {
            return -1;
        }
        int n = Math.min(len, outLimit - outPos);
        System.arraycopy(out, outPos, b, off, n);
        outPos += n;
        return n;
    }

    /** Fills {@code out} from the raw bytes; false at the end of the input. */
    private boolean produce() throws IOException {
        outPos = 0;
        outLimit = 0;
        while (outLimit == 0) {
            if (rawLimit - rawPos < 4 && !eof) {
                System.arraycopy(raw, rawPos, raw, 0, rawLimit - rawPos);
                rawLimit -= rawPos;
                rawPos = 0;
                int n = in.read(raw, rawLimit, raw.length - rawLimit);
                if (n < 0) {
                    eof = true;
                } else {
                    rawLimit += n;
                }
                continue;
            }
            if (rawPos == rawLimit) {
                return false;
            }
            while (rawPos < rawLimit) {
                int c = raw[rawPos] & 0xff;
                if (c < 0x80) {
                    ascii(c);
                    rawPos++;
                    continue;
                }
                int n = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
                if (n > 0 && rawLimit - rawPos < n && !eof) {
                    break; // the sequence goes on in bytes not yet read
                }
                if (n > 0 && valid(c, n)) {
                    data(raw, rawPos, n);
                    rawPos += n;
                } else {
                    data(NOT_UTF8_BYTES, 0, 3);
                    rawPos++;
                }
            }
        }
        return true;
    }

    private void ascii(int c) {
        isa(c);
        if (c == element || c == component || c == repetition || c == terminator || c == '\n' || c == '\r') {
            run = 0;
            cut = false;
            out[outLimit++] = (byte) c;
            return;
        }
        out[outLimit] = (byte) c;
        data(out, outLimit, 1);
    }

    /** One character of element data (1 to 4 bytes), kept unless its element is over the limit. */
    private void data(byte[] from, int at, int n) {
        if (cut) {
            return;
        }
        if (run + n > MAX_ELEMENT && isaSeparator < 0) {
            System.arraycopy(TOO_LONG_BYTES, 0, out, outLimit, 3);
            outLimit += 3;
            cut = true;
            return;
        }
        System.arraycopy(from, at, out, outLimit, n);
        outLimit += n;
        run += n;
    }

    /** Follows an ISA segment to learn the interchange's delimiters. */
    private void isa(int c) {
        if (isaSeparator >= 0) {
            isaBytes++;
            if (isaBytes > 200) {
                isaSeparator = -1; // not an ISA that StAEDI reads either: it reports it
            } else if (isaSeparators == 16) {
                component = c; // ISA16, the one character after the 16th separator
                isaSeparators++;
            } else if (isaSeparators == 17) {
                terminator = c;
                isaSeparator = -1;
            } else if (c == isaSeparator) {
                isaSeparators++;
                if (isaSeparators == 12) {
                    repetition = b1; // the one character of ISA11, just before its separator
                }
            }
        } else if (b3 == 'I' && b2 == 'S' && b1 == 'A' && !Character.isLetterOrDigit(c)
                && (b4 == terminator || b4 == '\n' || b4 == '\r' || b4 == ' ' || b4 == START)) {
            isaSeparator = c;
            element = c;
            component = -1;
            repetition = -1;
            terminator = -1;
            isaSeparators = 1;
            isaBytes = 0;
            run = 0;
            cut = false;
        }
        b4 = b3;
        b3 = b2;
        b2 = b1;
        b1 = c;
    }

    /** The {@code n}-byte sequence at {@code rawPos}, lead byte {@code lead}, is well-formed UTF-8 (RFC 3629). */
    private boolean valid(int lead, int n) {
        if (rawPos + n > rawLimit) {
            return false;
        }
        int second = raw[rawPos + 1] & 0xff;
        int low = lead == 0xE0 ? 0xA0 : lead == 0xF0 ? 0x90 : 0x80;
        int high = lead == 0xED ? 0x9F : lead == 0xF4 ? 0x8F : 0xBF;
        if (second < low || second > high) {
            return false;
        }
        for (int i = 2; i < n; i++) {
            int b = raw[rawPos + i] & 0xff;
            if (b < 0x80 || b > 0xBF) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int available() throws IOException {
        return outLimit - outPos + rawLimit - rawPos + in.available();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
