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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** Opens the command line's inputs and outputs: a path or {@code -}, gzip when the name ends in .gz. */
public final class Streams {

    private Streams() {
    }

    public static Reader openInput(String name) throws IOException {
        InputStream raw = "-".equals(name) ? System.in : Files.newInputStream(Path.of(name));
        InputStream in = new BufferedInputStream(raw, 1 << 16);
        if (name.endsWith(".gz")) {
            in = new GZIPInputStream(in, 1 << 16);
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
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
