package org.claimrules.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a command's output paths before it reads anything, so that a long run never ends with
 * "cannot write" and a result file never replaces the input it was read from. Every message
 * names the option and the path as the user typed them. {@code -} is standard input or output:
 * an output option given {@code -} writes to standard output (never a file named {@code -}), at
 * most one option of a command may, and a folder cannot be {@code -}.
 *
 * <pre>{@code
 * if (!OutputPaths.reading("--input", input).file("--output", output).file("--report", report).ok(err)) {
 *     return ExitCodes.USAGE;
 * }
 * }</pre>
 */
final class OutputPaths {

    static final String STANDARD = "-";

    private final String inputOption;
    private final String input;
    /** Each output checked so far, by where it would land, with its option and path as given. */
    private final Map<Path, String> outputs = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();
    /** The option writing to standard output, if any. */
    private String standardOutput;

    private OutputPaths(String inputOption, String input) {
        this.inputOption = inputOption;
        this.input = input;
    }

    /** The paths of a command that reads {@code input} (a path or {@code -}). */
    static OutputPaths reading(String option, String input) {
        return new OutputPaths(option, input);
    }

    /** The paths of a command that reads no file. */
    static OutputPaths writingOnly() {
        return new OutputPaths(null, null);
    }

    /** A file to be written; null (not asked for) is skipped and {@code -} is standard output. */
    OutputPaths file(String option, Object path) {
        if (path == null) {
            return this;
        }
        if (STANDARD.equals(path.toString())) {
            if (standardOutput != null) {
                return problem(option + " - and " + standardOutput + " - would both write to standard output; "
                        + "give one of them a file name");
            }
            standardOutput = option;
            return this;
        }
        String given = path.toString();
        Path target = Path.of(given).toAbsolutePath().normalize();
        Path folder = target.getParent();
        if (Files.isDirectory(target)) {
            return problem(option + " " + given + " is a folder; give a file name");
        }
        if (!Files.exists(folder)) {
            return problem("cannot write " + option + " " + given + ": the folder " + folder + " does not exist");
        }
        if (!Files.isDirectory(folder)) {
            return problem("cannot write " + option + " " + given + ": " + folder + " is not a folder");
        }
        if (!Files.isWritable(folder)) {
            return problem("cannot write " + option + " " + given + ": the folder " + folder + " is not writable");
        }
        if (input != null && !STANDARD.equals(input) && sameFile(Path.of(input), target)) {
            return problem(option + " " + given + " is the " + inputOption + " file: writing it would replace what "
                    + "is read; choose another name");
        }
        Path landing = landing(target);
        String earlier = outputs.putIfAbsent(landing, option + " " + given);
        if (earlier != null) {
            return problem(option + " " + given + " and " + earlier + " are the same file; choose another name");
        }
        return this;
    }

    /** A folder to be created (with its parents) or written into, given as a command's argument. */
    OutputPaths folder(Path dir) {
        if (STANDARD.equals(dir.toString())) {
            return problem("a folder is needed, not - (standard output)");
        }
        Path target = dir.toAbsolutePath().normalize();
        if (Files.exists(target) && !Files.isDirectory(target)) {
            return problem(dir + " is a file, not a folder");
        }
        Path existing = target;
        while (!Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (!Files.isDirectory(existing)) {
            return problem("cannot create " + dir + ": " + existing + " is a file, not a folder");
        }
        if (!Files.isWritable(existing)) {
            return problem("cannot write " + dir + ": the folder " + existing + " is not writable");
        }
        return this;
    }

    /** A folder that must already exist to be written into (temporary files); null is skipped. */
    OutputPaths existingFolder(String option, Path dir) {
        if (dir == null) {
            return this;
        }
        if (!Files.isDirectory(dir)) {
            return problem(option + " " + dir + (Files.exists(dir) ? " is not a folder" : " does not exist"));
        }
        if (!Files.isWritable(dir)) {
            return problem(option + " " + dir + " is not writable");
        }
        return this;
    }

    /** True when a path is {@code -}: standard output. */
    static boolean isStandard(Object path) {
        return path != null && STANDARD.equals(path.toString());
    }

    /** True when every path is usable; otherwise prints the problems and returns false (exit {@link ExitCodes#USAGE}). */
    boolean ok(PrintWriter err) {
        for (String p : problems) {
            err.println("claimrules: " + p);
        }
        err.flush();
        return problems.isEmpty();
    }

    private OutputPaths problem(String message) {
        problems.add(message);
        return this;
    }

    private static boolean sameFile(Path input, Path output) {
        try {
            return Files.exists(input) && Files.exists(output) && Files.isSameFile(input, output);
        } catch (IOException e) {
            return false;
        }
    }

    /** Where a file lands: its folder's real path (links resolved) and its name. */
    private static Path landing(Path target) {
        try {
            return target.getParent().toRealPath().resolve(target.getFileName());
        } catch (IOException e) {
            return target;
        }
    }
}
