package org.claimrules.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's commands run as written: every file one reads exists in the repository or is written by an earlier one. */
class ReadmeCommandsTest {

    private static final Path ROOT = Path.of("..");
    /** A file a command reads, or one it writes (an output option, a shell redirection, an exported folder). */
    private static final Pattern PATH = Pattern.compile(
            "(--input|--from-claim|--output|--summary|--report|--html|rules export|>)\\s+([^\\s`\\\\]+)");

    @Test
    void everyInputOfTheReadmeExistsOrIsWrittenBeforeItIsRead() throws Exception {
        String readme = Files.readString(ROOT.resolve("README.md"));
        Set<String> written = new HashSet<>();
        List<String> missing = new ArrayList<>();
        int inputs = 0;
        Matcher m = PATH.matcher(readme);
        while (m.find()) {
            String path = m.group(2);
            if (path.equals("-") || path.startsWith("<") || path.matches("[A-Z]+")) { // '-', <tags>, FILE or DIR in a synopsis
                continue;
            }
            boolean reads = m.group(1).equals("--input") || m.group(1).equals("--from-claim");
            if (!reads) {
                written.add(path);
                continue;
            }
            inputs++;
            boolean produced = written.contains(path) || written.stream().anyMatch(w -> path.startsWith(w + "/"));
            if (!produced && !Files.exists(ROOT.resolve(path))) {
                missing.add(path + " (at character " + m.start() + ")");
            }
        }
        assertTrue(inputs >= 4, "the README's commands were found: " + inputs + " inputs");
        assertEquals(List.of(), missing, "README commands read files that neither exist nor are written before");
    }
}
