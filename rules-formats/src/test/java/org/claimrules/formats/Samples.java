package org.claimrules.formats;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared sample files (real 837P and FHIR examples written by others, see SOURCES.md), read
 * in place from {@code shared/samples} beside the project: they are never copied into it.
 */
public final class Samples {

    private Samples() {
    }

    public static Path dir(String kind) {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared").resolve("samples").resolve(kind);
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("shared/samples/" + kind + " not found beside the project: the tests read the "
                + "shared sample files in place");
    }

    public static Path x12(String name) {
        return dir("x12").resolve(name);
    }

    public static Path fhir(String name) {
        return dir("fhir").resolve(name);
    }
}
