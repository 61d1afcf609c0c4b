package org.claimrules.io;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Opens the command line's inputs and outputs: a path or {@code -}, gzip when the name ends in .gz. */
public final class Streams {

    private Streams() {
    }

    /**
     * Put by the input decoder where bytes are not UTF-8: a lone low surrogate, which no valid
     * UTF-8 decodes to, so {@link RecordReader} can turn exactly those records into error records
     * instead of reading them with U+FFFD in place (which would alter claim and member IDs).
     */
    public static final char MALFORMED = '\uDFFF';

    /** @throws IOException with a plain message (no zip internals) when a .gz input is not gzip */
    public static Reader openInput(String name) throws IOException {
        return utf8(openInputStream(name));
    }

    /**
     * The bytes of a path or {@code -}, decompressed when the name ends in .gz, buffered (so that
     * a reader can look at the first bytes and reset).
     *
     * @throws IOException with a plain message (no zip internals) when a .gz input is not gzip
     */
    public static BufferedInputStream openInputStream(String name) throws IOException {
        InputStream raw = "-".equals(name) ? System.in : Files.newInputStream(Path.of(name));
        InputStream in = new BufferedInputStream(raw, 1 << 16);
        if (name.endsWith(".gz")) {
            in = new BufferedInputStream(GzipInput.open(in, name), 1 << 16);
        }
        return (BufferedInputStream) in;
    }

    /** UTF-8 text of {@code in}, with {@link #MALFORMED} where its bytes are not UTF-8. */
    public static Reader utf8(InputStream in) {
        return new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE)
                .replaceWith(String.valueOf(MALFORMED)));
    }

    /**
     * Opens a file for writing bytes; {@code gzip} follows the final name, which a temporary file
     * does not have. Compression uses the fastest level: at batch sizes the default level costs more
     * CPU than scoring, for files about 15 % larger.
     */
    public static OutputStream openOutputStream(Path path, boolean gzip) throws IOException {
        OutputStream out = Files.newOutputStream(path);
        if (gzip) {
            return new BufferedOutputStream(new FastGzipOutputStream(out), 1 << 16);
        }
        return new BufferedOutputStream(out, 1 << 16);
    }

    private static final class FastGzipOutputStream extends GZIPOutputStream {
        FastGzipOutputStream(OutputStream out) throws IOException {
            super(out, 1 << 16);
            def.setLevel(java.util.zip.Deflater.BEST_SPEED);
        }
    }

    /** Opens a file for writing; {@code gzip} follows the final name, which a temporary file does not have. */
    public static Writer openOutput(Path path, boolean gzip) throws IOException {
        OutputStream out = new BufferedOutputStream(Files.newOutputStream(path), 1 << 16);
        if (gzip) {
            out = new GZIPOutputStream(out, 1 << 16);
        }
        return new OutputStreamWriter(out, StandardCharsets.UTF_8);
    }
}
