package org.claimrules.scenario;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.claimrules.engine.RulesetExporter;
import org.claimrules.engine.RulesetLoader;

/**
 * Forces an order of evaluation on an exported ruleset folder, for tests whose subject is what
 * happens in that order: gives the rules whose header matches a salience.
 */
public final class Salience {

    /** A rule's header up to its {@code when}. */
    private static final Pattern RULE = Pattern.compile("(?ms)^rule \"[^\"]*\".*?^when\\b");

    private Salience() {
    }

    /**
     * Exports the bundled ruleset into the folder and gives every one of its edit rules the
     * salience; returns how many rules that was.
     */
    public static int bundledWithEditRules(Path folder, int salience) throws IOException {
        RulesetExporter.export(RulesetLoader.bundledRoot(), folder);
        return ofEditRules(folder, salience);
    }

    /** Gives every edit rule (a rule with an {@code @editId}) the salience; returns how many. */
    public static int ofEditRules(Path ruleset, int salience) throws IOException {
        return of(ruleset, header -> header.contains("@editId"), salience);
    }

    /** Gives the rule of that name the salience; returns how many rules (0 or 1). */
    public static int ofRule(Path ruleset, String name, int salience) throws IOException {
        return of(ruleset, header -> header.startsWith("rule \"" + name + "\""), salience);
    }

    private static int of(Path ruleset, Predicate<String> header, int salience) throws IOException {
        int given = 0;
        List<Path> files;
        try (Stream<Path> walk = Files.walk(ruleset.resolve("rules"))) {
            files = walk.filter(f -> f.toString().endsWith(".drl")).toList();
        }
        for (Path file : files) {
            String drl = Files.readString(file);
            StringBuilder out = new StringBuilder();
            Matcher m = RULE.matcher(drl);
            int from = 0;
            while (m.find()) {
                if (header.test(m.group())) {
                    int when = m.end() - "when".length();
                    out.append(drl, from, when).append("    salience ").append(salience).append('\n');
                    from = when;
                    given++;
                }
            }
            out.append(drl.substring(from));
            Files.writeString(file, out.toString());
        }
        return given;
    }
}
