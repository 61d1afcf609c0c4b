package org.claimrules.engine.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;

/**
 * Where each rule of a ruleset folder is written: file, first and last line, and its source text.
 * Drools reports some problems without a line (or in generated Java); this index lets us point
 * the analyst at the DRL instead. Files that do not parse are left out: Drools locates their
 * errors itself.
 */
public final class DrlIndex {

    /** One rule as written: {@code file} is the path inside the ruleset, lines are 1-based. */
    public record RuleSource(String file, String name, int firstLine, int lastLine, int consequenceLine,
            List<String> lines) {

        /** The rule's text from {@code rule "..."} to {@code end}. */
        public String text() {
            return String.join("\n", lines);
        }

        /** The line of the file at an offset into {@link #lines()}. */
        public int lineAt(int index) {
            return firstLine + index;
        }
    }

    private final List<RuleSource> rules;

    private DrlIndex(List<RuleSource> rules) {
        this.rules = List.copyOf(rules);
    }

    public static DrlIndex of(Path root) {
        List<RuleSource> rules = new ArrayList<>();
        if (!Files.isDirectory(root.resolve("rules"))) {
            return new DrlIndex(rules);
        }
        for (Path file : ruleFiles(root)) {
            String name = root.relativize(file).toString().replace('\\', '/');
            try {
                rules.addAll(read(name, Files.readString(file, StandardCharsets.UTF_8)));
            } catch (IOException | RuntimeException e) {
                // an unreadable file is reported by the compiler; the index just lacks it
            }
        }
        return new DrlIndex(rules);
    }

    static List<RuleSource> read(String file, String text) {
        List<RuleSource> out = new ArrayList<>();
        String[] all = text.split("\\R", -1);
        DrlParser parser = new DrlParser();
        PackageDescr pkg;
        try {
            pkg = parser.parse(false, text);
        } catch (DroolsParserException e) {
            return out;
        }
        if (pkg == null || parser.hasErrors()) {
            return out;
        }
        for (RuleDescr rule : pkg.getRules()) {
            int first = Math.max(1, rule.getLine());
            int last = Math.min(all.length, Math.max(first, rule.getEndLine()));
            List<String> lines = List.of(all).subList(first - 1, last);
            out.add(new RuleSource(file, rule.getName(), first, last, rule.getConsequenceLine(), lines));
        }
        return out;
    }

    List<RuleSource> rules() {
        return rules;
    }

    public Optional<RuleSource> rule(String name) {
        return rules.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    List<RuleSource> inFile(String file) {
        return rules.stream().filter(r -> r.file().equals(file)).toList();
    }

    /** The rule whose lines include a line of a file. */
    Optional<RuleSource> at(String file, int line) {
        return rules.stream().filter(r -> r.file().equals(file) && r.firstLine() <= line && line <= r.lastLine())
                .findFirst();
    }

    /** True when a word (identifier) occurs in the text, not as part of a longer identifier. */
    static boolean containsWord(String text, String word) {
        return wordMatcher(text, word).find();
    }

    static Matcher wordMatcher(String text, String word) {
        return Pattern.compile("(?<![\\w$])" + Pattern.quote(word) + "(?![\\w$])").matcher(text);
    }

    /** The DRL files of a ruleset folder, in order. */
    public static List<Path> ruleFiles(Path dir) {
        try (Stream<Path> files = Files.walk(dir.resolve("rules"))) {
            return files.filter(p -> p.getFileName().toString().endsWith(".drl")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
