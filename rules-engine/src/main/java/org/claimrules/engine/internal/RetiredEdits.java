package org.claimrules.engine.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.claimrules.engine.EditCatalog;
import org.claimrules.engine.EditDefinition;
import org.claimrules.engine.RulesetProblem;
import org.claimrules.tables.RowType;
import org.claimrules.tables.Tables;

/**
 * An edit ID is never reused: a rule may not record an edit the ruleset's {@code retired-edits}
 * table lists, and a retired edit's replacement must be an edit some rule records.
 */
public final class RetiredEdits {

    static final String TABLE = "retired-edits";

    private RetiredEdits() {
    }

    public static List<RulesetProblem> check(EditCatalog catalog, Tables tables) {
        List<RulesetProblem> problems = new ArrayList<>();
        Set<String> active = catalog.edits().stream().map(EditDefinition::editId).collect(Collectors.toSet());
        String file = tables.specs().stream().filter(s -> s.name().equals(TABLE)).map(s -> s.file()).findFirst()
                .orElse(TABLE);
        for (Object row : tables.rows(TABLE)) {
            String id = String.valueOf(RowType.get(row, "editId"));
            Object replacedBy = RowType.get(row, "replacedBy");
            if (active.contains(id)) {
                EditDefinition def = catalog.edits().stream().filter(d -> d.editId().equals(id)).findFirst().orElseThrow();
                problems.add(new RulesetProblem(def.ruleFile(), null, null, "rule \"" + def.ruleName()
                        + "\" records " + id + ", which " + file + " lists as retired; an edit ID is never reused"));
            }
            if (replacedBy != null && !active.contains(replacedBy.toString())) {
                problems.add(new RulesetProblem(file, null, null, "retired edit " + id + " is replaced by "
                        + replacedBy + ", which no rule records"));
            }
        }
        return problems;
    }
}
