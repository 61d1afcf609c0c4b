package org.claimrules.io;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * A gzip input whose failures say what is wrong with the file in plain words: java.util.zip's own
 * messages ("Not in GZIP format", "invalid stored block lengths", "Unexpected end of ZLIB input
 * stream") name its internals, not the user's file.
 */
final class GzipInput extends FilterInputStream {

    private GzipInput(InputStream in) {
        super(in);
    }

    static InputStream open(InputStream in, String name) throws IOException {
        try {
            return new GzipInput(new GZIPInputStream(in, 1 << 16));
        } catch (ZipException | EOFException e) {
            throw new IOException(name + " is not gzip-compressed, though its name ends in .gz");
        }
    }

    @Override
    public int read() throws IOException {
        try {
            return super.read();
        } catch (ZipException | EOFException e) {
            throw damaged();
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        try {
            return super.read(b, off, len);
        } catch (ZipException | EOFException e) {
            throw damaged();
        }
    }

    private static IOException damaged() {
        return new IOException("the compressed input is damaged or cut short");
    }
}
