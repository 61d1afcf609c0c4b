package org.claimrules.engine.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.claimrules.engine.RulesetProblem;
import org.kie.api.builder.Message;

/**
 * Turns the compiler's error messages into problems located in the DRL files. The executable
 * model reports some errors without a line (unknown property or method in a constraint) and the
 * errors of rule consequences in the Java it generates ({@code rules/<family>/P36/LambdaConsequence...java}).
 * Those are traced back to the rule they came from: by the expression or name the message quotes,
 * and for generated Java by the identifier at the error's column and the rule whose text is most
 * like the generated code. The generated source itself is never shown.
 */
final class DrlProblemLocator {

    private static final String GENERATED = "src/main/java/";
    private static final Pattern JAVA_SOURCE = Pattern.compile("(?s)^Java source of (\\S+) in error:\\s*\\n(.*)$");
    private static final List<Pattern> QUOTED_IN_MESSAGE = List.of(
            Pattern.compile("expression: (.+)$"),
            Pattern.compile("Method (\\w+) on class"),
            Pattern.compile("[Uu]nknown (?:property|field|variable)[^:]*: ?'?([\\w.$]+)'?"),
            Pattern.compile("'([\\w.$]+)'"),
            Pattern.compile("\\[([\\w.$]+)\\]"));
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][\\w$]*");

    private final DrlIndex index;

    DrlProblemLocator(DrlIndex index) {
        this.index = index;
    }

    List<RulesetProblem> locate(Collection<Message> errors) {
        Map<String, String> generatedSources = new HashMap<>();
        for (Message m : errors) {
            Matcher source = JAVA_SOURCE.matcher(text(m));
            if (source.matches()) {
                generatedSources.put(normalize(source.group(1)), source.group(2));
            }
        }
        Set<RulesetProblem> problems = new LinkedHashSet<>();
        Set<String> filesWithLocatedErrors = new HashSet<>();
        for (Message m : errors) {
            String text = text(m);
            if (JAVA_SOURCE.matcher(text).matches()) {
                continue;
            }
            String path = m.getPath() == null ? null : normalize(m.getPath());
            RulesetProblem p;
            if (path != null && path.startsWith(GENERATED)) {
                p = fromGenerated(path, m.getLine(), m.getColumn(), text, generatedSources.get(path));
            } else if (path != null && m.getLine() <= 0) {
                p = fromQuotedText(relative(path), text);
            } else {
                p = DrlMessages.toProblem(m);
            }
            if (p.line() != null) {
                filesWithLocatedErrors.add(p.file());
            }
            problems.add(p);
        }
        // "Parser returned a null Package" only repeats that the file had syntax errors
        List<RulesetProblem> out = new ArrayList<>();
        for (RulesetProblem p : problems) {
            if (p.line() == null && p.message().startsWith("Parser returned a null Package")
                    && filesWithLocatedErrors.contains(p.file())) {
                continue;
            }
            out.add(p);
        }
        return out;
    }

    /** A DRL error without a line: find what the message quotes in the file's rules. */
    private RulesetProblem fromQuotedText(String file, String text) {
        for (Pattern pattern : QUOTED_IN_MESSAGE) {
            Matcher m = pattern.matcher(text);
            if (!m.find()) {
                continue;
            }
            String quoted = m.group(1).strip();
            for (DrlIndex.RuleSource rule : index.inFile(file)) {
                for (int i = 0; i < rule.lines().size(); i++) {
                    int column = find(rule.lines().get(i), quoted);
                    if (column >= 0) {
                        return new RulesetProblem(file, (long) rule.lineAt(i), (long) column + 1,
                                inRule(rule, text));
                    }
                }
            }
        }
        return new RulesetProblem(file, null, null, text);
    }

    /** An error in the Java generated for a rule: trace it to the rule and, where possible, the line. */
    private RulesetProblem fromGenerated(String path, int line, int column, String text, String source) {
        String generatedLine = null;
        String token = null;
        if (source != null && line > 0) {
            // the compiler's "column" is the offset of the error in the whole generated file
            String[] lines = source.split("\\R", -1);
            if (line <= lines.length) {
                generatedLine = lines[line - 1];
                token = column >= 0 && column < source.length() ? identifierAt(source, column)
                        : identifierAt(generatedLine, column - 1);
            }
        }
        Optional<DrlIndex.RuleSource> rule = bestRule(generatedLine, token, path.contains("LambdaConsequence"));
        String what = path.contains("LambdaConsequence") ? "in the consequence (then part): " : "";
        if (rule.isEmpty()) {
            return new RulesetProblem("rules", null, null, what + text
                    + " (in code generated from the rules; the rule could not be identified)");
        }
        DrlIndex.RuleSource r = rule.get();
        int from = path.contains("LambdaConsequence") && r.consequenceLine() >= r.firstLine()
                ? r.consequenceLine() - r.firstLine() : 0;
        if (token != null) {
            for (int i = from; i < r.lines().size(); i++) {
                Matcher m = DrlIndex.wordMatcher(r.lines().get(i), token);
                if (m.find()) {
                    return new RulesetProblem(r.file(), (long) r.lineAt(i), (long) m.start() + 1, inRule(r, what + text));
                }
            }
        }
        return new RulesetProblem(r.file(), (long) r.lineAt(from), null, inRule(r, what + text));
    }

    /**
     * The rule the generated line came from: among the rules that contain the identifier at the
     * error, the one sharing most identifiers with the generated line.
     */
    private Optional<DrlIndex.RuleSource> bestRule(String generatedLine, String token, boolean consequence) {
        if (generatedLine == null) {
            return Optional.empty();
        }
        Set<String> generatedWords = words(generatedLine);
        DrlIndex.RuleSource best = null;
        double bestScore = -1;
        for (DrlIndex.RuleSource rule : index.rules()) {
            String text = consequence && rule.consequenceLine() >= rule.firstLine()
                    ? String.join("\n", rule.lines().subList(rule.consequenceLine() - rule.firstLine(), rule.lines().size()))
                    : rule.text();
            if (token != null && !DrlIndex.containsWord(text, token)) {
                continue;
            }
            Set<String> ruleWords = words(text);
            Set<String> common = new HashSet<>(ruleWords);
            common.retainAll(generatedWords);
            Set<String> union = new HashSet<>(ruleWords);
            union.addAll(generatedWords);
            double score = union.isEmpty() ? 0 : (double) common.size() / union.size();
            if (score > bestScore) {
                bestScore = score;
                best = rule;
            }
        }
        return Optional.ofNullable(best);
    }

    private static Set<String> words(String text) {
        Set<String> words = new HashSet<>();
        Matcher m = IDENTIFIER.matcher(text);
        while (m.find()) {
            words.add(m.group());
        }
        Matcher s = Pattern.compile("\"([^\"]*)\"").matcher(text);
        while (s.find()) {
            words.add("\"" + s.group(1).strip() + "\"");
        }
        return words;
    }

    /** The identifier at a 0-based column, or null. */
    static String identifierAt(String line, int column) {
        if (column < 0 || column >= line.length()) {
            return null;
        }
        Matcher m = IDENTIFIER.matcher(line);
        while (m.find()) {
            if (m.end() > column) {
                return m.group();
            }
        }
        return null;
    }

    /** The 0-based column of a quoted expression in a line, ignoring differences in spacing. */
    private static int find(String line, String quoted) {
        int at = line.indexOf(quoted);
        if (at >= 0) {
            return at;
        }
        if (IDENTIFIER.matcher(quoted).matches()) {
            Matcher m = DrlIndex.wordMatcher(line, quoted);
            return m.find() ? m.start() : -1;
        }
        String squeezed = quoted.replaceAll("\\s+", "");
        String lineSqueezed = line.replaceAll("\\s+", "");
        return lineSqueezed.contains(squeezed) && !squeezed.isEmpty() ? line.indexOf(squeezed.charAt(0)) : -1;
    }

    private static String inRule(DrlIndex.RuleSource rule, String text) {
        return "rule \"" + rule.name() + "\": " + text;
    }

    private static String text(Message m) {
        return m.getText() == null ? "" : m.getText().strip();
    }

    private static String normalize(String path) {
        return path.replace('\\', '/');
    }

    private static String relative(String path) {
        int at = path.indexOf("rules/");
        return at >= 0 ? path.substring(at) : path;
    }
}
