package org.claimrules.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Runs {@code claimrules} in-process and captures what it prints; helpers to edit an exported ruleset. */
final class Cli {

    /** A finished command: exit status, standard output, standard error. */
    record Run(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    private Cli() {
    }

    static synchronized Run run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int exit = ClaimRulesCli.run(args);
            return new Run(exit, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    /** The bundled ruleset exported into a new folder under {@code parent}. */
    static Path export(Path parent, String name) {
        Path dir = parent.resolve(name);
        Run run = run("rules", "export", dir.toString());
        assertEquals(ExitCodes.OK, run.exit(), run::toString);
        return dir;
    }

    /**
     * The bundled ruleset exported into a new folder, with the test resource
     * {@code hostile-rules/FILE} added as {@code rules/DIR/FILE}: rules written to attack the engine.
     */
    static Path exportWithHostileRules(Path parent, String name, String dir, String file) {
        Path rules = export(parent, name);
        copyResource("/hostile-rules/" + file, rules.resolve("rules/" + dir + "/" + file));
        return rules;
    }

    /** Replaces text in a file of a ruleset, failing when the text is not there (the fixture went stale). */
    static void replace(Path file, String from, String to) {
        try {
            String text = Files.readString(file);
            assertTrue(text.contains(from), () -> file + " does not contain: " + from);
            Files.writeString(file, text.replace(from, to));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies a test resource under {@code analyst/} to a path. */
    static Path resource(String name, Path to) {
        return copyResource("/analyst/" + name, to);
    }

    private static Path copyResource(String resource, Path to) {
        try (InputStream in = Cli.class.getResourceAsStream(resource)) {
            Files.createDirectories(to.getParent());
            Files.copy(in, to);
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sets one cell of the profile table: the column named {@code parameter} in the row of {@code profile}. */
    static void setProfileParameter(Path ruleset, String profile, String parameter, String value) {
        Path file = ruleset.resolve("tables/facet/profile-parameters.csv");
        try {
            java.util.List<String> lines = new java.util.ArrayList<>(Files.readAllLines(file));
            int column = -1;
            boolean changed = false;
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split(",", -1);
                if (column < 0) {
                    column = java.util.Arrays.asList(cells).indexOf(parameter);
                    assertTrue(column >= 0, "no column " + parameter);
                } else if (cells[0].equals(profile)) {
                    cells[column] = value;
                    lines.set(i, String.join(",", cells));
                    changed = true;
                }
            }
            assertTrue(changed, "no row for " + profile);
            Files.write(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
