package org.claimrules.engine.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.claimrules.engine.RulesetProblem;
import org.kie.api.builder.Message;

/**
 * Every compilation error of a ruleset folder, not only the first. The executable model stops at
 * the first condition it cannot type (an unknown field or method in a {@code when} part: an error
 * without a line) and then compiles no other rule's condition or consequence, so one build shows
 * one such error. To show the rest, the rules found in error are left out (their lines blanked, so
 * that every other rule keeps its line numbers) and the folder is compiled again, until a build
 * stops on no new rule or {@value #MAX_BUILDS} builds were made. A valid folder is built once.
 */
public final class DrlErrors {

    static final int MAX_BUILDS = 10;
    private static final String GENERATED = "src/main/java/";

    private DrlErrors() {
    }

    /**
     * @param first   the errors of the folder's build
     * @param compile builds the folder with some files' text replaced (path in the folder to
     *                text) and returns its errors
     */
    public static List<RulesetProblem> all(Path dir, List<Message> first, Function<Map<String, String>, List<Message>> compile) {
        DrlIndex index = DrlIndex.of(dir);
        DrlProblemLocator locator = new DrlProblemLocator(index);
        Set<RulesetProblem> problems = new LinkedHashSet<>(locator.locate(first));
        Set<DrlIndex.RuleSource> leftOut = new LinkedHashSet<>();
        List<Message> errors = first;
        for (int builds = 1; builds < MAX_BUILDS && stoppedAtACondition(errors); builds++) {
            Set<DrlIndex.RuleSource> inError = new LinkedHashSet<>();
            for (RulesetProblem p : problems) {
                if (p.file() != null && p.line() != null) {
                    index.at(p.file(), p.line().intValue()).filter(r -> !leftOut.contains(r)).ifPresent(inError::add);
                }
            }
            if (inError.isEmpty()) {
                break;
            }
            leftOut.addAll(inError);
            errors = compile.apply(blanked(dir, leftOut));
            problems.addAll(locator.locate(errors));
        }
        return new ArrayList<>(problems);
    }

    /** A condition error of the executable model comes from a rule file, without a line. */
    private static boolean stoppedAtACondition(List<Message> errors) {
        return errors.stream().anyMatch(m -> m.getPath() != null && m.getLine() <= 0
                && !m.getPath().replace('\\', '/').startsWith(GENERATED)
                && m.getPath().endsWith(".drl"));
    }

    private static Map<String, String> blanked(Path dir, Set<DrlIndex.RuleSource> rules) {
        Map<String, List<String>> files = new HashMap<>();
        for (DrlIndex.RuleSource rule : rules) {
            List<String> lines = files.computeIfAbsent(rule.file(), f -> read(dir.resolve(f)));
            for (int line = rule.firstLine(); line <= rule.lastLine() && line <= lines.size(); line++) {
                lines.set(line - 1, "");
            }
        }
        Map<String, String> texts = new HashMap<>();
        files.forEach((file, lines) -> texts.put(file, String.join("\n", lines)));
        return texts;
    }

    private static List<String> read(Path file) {
        try {
            return new ArrayList<>(List.of(Files.readString(file, StandardCharsets.UTF_8).split("\\R", -1)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
