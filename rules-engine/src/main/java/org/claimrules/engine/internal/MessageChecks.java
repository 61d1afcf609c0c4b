package org.claimrules.engine.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.claimrules.engine.EditCatalog;
import org.claimrules.engine.EditDefinition;
import org.claimrules.engine.RulesetProblem;
import org.claimrules.rules.MessageTemplate;

/**
 * An edit's {@code @message} may only name variables its rule binds ({@code $l : Line(...)},
 * {@code $date : serviceDate}); a misspelt one is found when the ruleset loads, not in a result.
 */
public final class MessageChecks {

    private MessageChecks() {
    }

    public static List<RulesetProblem> unboundVariables(EditCatalog catalog, DrlIndex index) {
        List<RulesetProblem> problems = new ArrayList<>();
        for (EditDefinition def : catalog.edits()) {
            DrlIndex.RuleSource source = index.rule(def.ruleName()).orElse(null);
            if (source == null || def.message() == null) {
                continue;
            }
            String when = source.text();
            for (String variable : MessageTemplate.parse(def.message()).variables()) {
                if (!Pattern.compile(Pattern.quote(variable) + "\\s*:(?!:)").matcher(when).find()) {
                    problems.add(new RulesetProblem(source.file(), (long) source.firstLine(), null, "rule \""
                            + def.ruleName() + "\": @message names " + variable + ", which the rule does not bind"));
                }
            }
        }
        return problems;
    }
}
