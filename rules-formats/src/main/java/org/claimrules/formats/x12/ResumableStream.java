package org.claimrules.formats.x12;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * A buffered stream that supports mark and reset (so StAEDI reads from it directly, byte by
 * byte, and never reads ahead into a buffer of its own) and lets bytes be put back: after the
 * X12 reader gives up on a broken interchange, the scan that finds the next {@code ISA} puts it
 * back for a new reader to start from.
 */
final class ResumableStream extends InputStream {

    private final InputStream in;
    private byte[] buf = new byte[1 << 16];
    private int pos;
    private int limit;
    private int mark = -1;
    private int markLimit;

    ResumableStream(InputStream in) {
        this.in = in;
    }

    @Override
    public int read() throws IOException {
        if (pos == limit && !fill()) {
            return -1;
        }
        return buf[pos++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (pos == limit && !fill()) {
            return -1;
        }
        int n = Math.min(len, limit - pos);
        System.arraycopy(buf, pos, b, off, n);
        pos += n;
        return n;
    }

    private boolean fill() throws IOException {
        int keep = mark >= 0 && pos - mark < markLimit ? mark : pos;
        if (keep > 0) {
            System.arraycopy(buf, keep, buf, 0, limit - keep);
            limit -= keep;
            pos -= keep;
            mark = mark >= keep ? mark - keep : -1;
        }
        if (limit == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        int n = in.read(buf, limit, buf.length - limit);
        if (n <= 0) {
            return false;
        }
        limit += n;
        return true;
    }

    /** Puts {@code bytes} back in front of what is still to be read. */
    void unread(byte[] bytes, int length) {
        if (pos >= length) {
            pos -= length;
            System.arraycopy(bytes, 0, buf, pos, length);
            return;
        }
        byte[] next = new byte[length + (limit - pos) + 1024];
        System.arraycopy(bytes, 0, next, 0, length);
        System.arraycopy(buf, pos, next, length, limit - pos);
        limit = length + (limit - pos);
        pos = 0;
        mark = -1;
        buf = next;
    }

    @Override
    public boolean markSupported() {
        return true;
    }

    @Override
    public synchronized void mark(int readLimit) {
        mark = pos;
        markLimit = readLimit;
    }

    @Override
    public synchronized void reset() throws IOException {
        if (mark < 0) {
            throw new IOException("no mark");
        }
        pos = mark;
    }

    @Override
    public int available() throws IOException {
        return limit - pos + in.available();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
