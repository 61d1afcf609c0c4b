package org.claimrules.bench;

import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.claimrules.io.Json;
import org.claimrules.model.Claim;

/**
 * The yardstick of {@code scripts/bench-e2e.sh}: a plain Jackson round trip of a JSON Lines file
 * on one thread, each line bound to a {@link Claim} with the project's mapper and written back,
 * with nothing else (no grouping, no checks, no rules). A line that does not bind is copied as it is.
 * Run: {@code java -cp rules-bench/target/claimrules-bench.jar org.claimrules.bench.JsonRoundTrip IN OUT}.
 */
public final class JsonRoundTrip {

    private JsonRoundTrip() {
    }

    public static void main(String[] args) throws Exception {
        ObjectReader reader = Json.mapper().readerFor(Claim.class);
        ObjectWriter writer = Json.mapper().writer();
        long lines = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(Path.of(args[0])),
                StandardCharsets.UTF_8), 1 << 16);
                OutputStream out = new BufferedOutputStream(Files.newOutputStream(Path.of(args[1])), 1 << 16)) {
            String line;
            while ((line = in.readLine()) != null) {
                byte[] bytes;
                try {
                    bytes = writer.writeValueAsBytes(reader.<Claim>readValue(line));
                } catch (java.io.IOException | RuntimeException e) {
                    bytes = line.getBytes(StandardCharsets.UTF_8);
                }
                out.write(bytes);
                out.write('\n');
                lines++;
            }
        }
        System.err.println("round trip: " + lines + " lines");
    }
}
