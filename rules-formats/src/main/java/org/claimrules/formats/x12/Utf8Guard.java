package org.claimrules.formats.x12;

import java.io.IOException;
import java.io.InputStream;

/**
 * Passes valid UTF-8 through and puts {@link #MARK} (U+FFFF, a noncharacter) where the bytes are
 * not UTF-8, one mark per bad byte. StAEDI's own decoder fails on such bytes and cannot read on;
 * with the mark, the element that held them is an error of its claim alone (see X12Input).
 */
final class Utf8Guard extends InputStream {

    static final char MARK = '\uFFFF';
    private static final byte[] MARK_BYTES = {(byte) 0xEF, (byte) 0xBF, (byte) 0xBF};

    private final InputStream in;
    private final byte[] raw = new byte[1 << 16];
    private int rawPos;
    private int rawLimit;
    private boolean eof;
    private final byte[] out = new byte[raw.length * 3];
    private int outPos;
    private int outLimit;

    Utf8Guard(InputStream in) {
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
                    out[outLimit++] = raw[rawPos++];
                    continue;
                }
                int n = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
                if (n > 0 && rawLimit - rawPos < n && !eof) {
                    break; // the sequence goes on in bytes not yet read
                }
                if (n > 0 && valid(c, n)) {
                    System.arraycopy(raw, rawPos, out, outLimit, n);
                    outLimit += n;
                    rawPos += n;
                } else {
                    System.arraycopy(MARK_BYTES, 0, out, outLimit, 3);
                    outLimit += 3;
                    rawPos++;
                }
            }
        }
        return true;
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
