package org.claimrules.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.claimrules.engine.internal.RuleFiles;
import org.claimrules.model.result.Severity;
import org.claimrules.rules.Edits;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

/**
 * The edits of a knowledge base, read from rule metadata. A rule whose name starts with an edit ID
 * is an edit rule and must carry complete metadata; any other rule is a derivation.
 */
public final class EditCatalog {

    static final Pattern EDIT_RULE_NAME = Pattern.compile("^[A-Z]{2,}-[A-Z]+-\\d{3}\\b.*");
    private static final Pattern EDIT_ID = Pattern.compile("^[A-Z]{2,}-[A-Z]+-\\d{3}$");

    private final Map<String, EditDefinition> byRuleName;
    private final List<EditDefinition> edits;

    private EditCatalog(Map<String, EditDefinition> byRuleName) {
        this.byRuleName = Map.copyOf(byRuleName);
        this.edits = byRuleName.values().stream().sorted(Comparator.comparing(EditDefinition::editId)).toList();
    }

    /** The catalogue and the metadata problems found; an empty problem list means usable. */
    record Read(EditCatalog catalog, List<RulesetProblem> problems) {
    }

    static Read read(KieBase kieBase) {
        Map<String, EditDefinition> byRule = new HashMap<>();
        Map<String, String> ruleById = new HashMap<>();
        List<RulesetProblem> problems = new ArrayList<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                Map<String, Object> meta = rule.getMetaData();
                String editId = Edits.metadata(meta, "editId");
                boolean namedAsEdit = EDIT_RULE_NAME.matcher(rule.getName()).matches();
                if (editId == null && !namedAsEdit) {
                    continue;
                }
                String file = RuleFiles.of(rule);
                List<String> missing = new ArrayList<>();
                EditDefinition def = definition(rule, meta, file, missing);
                for (String m : missing) {
                    problems.add(new RulesetProblem(file, null, null, "rule \"" + rule.getName() + "\": " + m));
                }
                if (def == null) {
                    continue;
                }
                String previous = ruleById.putIfAbsent(def.editId(), rule.getName());
                if (previous != null) {
                    problems.add(new RulesetProblem(file, null, null, "rule \"" + rule.getName()
                            + "\" reuses edit ID " + def.editId() + " of rule \"" + previous + "\""));
                    continue;
                }
                byRule.put(rule.getName(), def);
            }
        }
        return new Read(new EditCatalog(byRule), problems);
    }

    private static EditDefinition definition(Rule rule, Map<String, Object> meta, String file, List<String> missing) {
        String editId = Edits.metadata(meta, "editId");
        String severityText = Edits.metadata(meta, "severity");
        String category = Edits.metadata(meta, "category");
        String reference = Edits.metadata(meta, "reference");
        String groupCode = Edits.metadata(meta, "groupCode");
        String carc = Edits.metadata(meta, "carc");
        if (editId == null) {
            missing.add("missing @editId");
        } else if (!EDIT_ID.matcher(editId).matches()) {
            missing.add("@editId(\"" + editId + "\") is not an edit ID like AB-PAIR-001 (letters, a dash, letters, a dash, three digits)");
        } else if (!rule.getName().startsWith(editId + " ")) {
            missing.add("the rule name must start with its edit ID " + editId + " and a title");
        }
        Severity severity = null;
        if (severityText == null) {
            missing.add("missing @severity");
        } else {
            try {
                severity = Severity.valueOf(severityText);
            } catch (IllegalArgumentException e) {
                missing.add("@severity(\"" + severityText + "\") is not one of RTP, DENY, REVIEW, WARN");
            }
        }
        if (category == null) {
            missing.add("missing @category");
        }
        if (reference == null) {
            missing.add("missing @reference");
        }
        if (Edits.metadata(meta, "message") == null) {
            missing.add("missing @message (the edit's message, e.g. @message(\"{$l.procedureCode} on line {$l.lineNumber} ...\"))");
        }
        boolean adverse = severity == Severity.DENY || severity == Severity.RTP;
        if (adverse && (groupCode == null || carc == null)) {
            missing.add(severity + " edits need @groupCode and @carc");
        }
        if (!adverse && severity != null && (groupCode != null || carc != null || meta.containsKey("rarc"))) {
            missing.add(severity + " edits carry no @groupCode, @carc or @rarc");
        }
        if (!missing.isEmpty()) {
            return null;
        }
        String title = rule.getName().substring(editId.length()).trim();
        return new EditDefinition(editId, title, severity, category, groupCode, carc,
                Edits.metadata(meta, "rarc"), "true".equals(Edits.metadata(meta, "lcd")),
                Edits.metadata(meta, "groupCodeWithGA"), reference, Edits.metadata(meta, "message"), rule.getName(), file);
    }

    public EditDefinition forRule(String ruleName) {
        return byRuleName.get(ruleName);
    }

    /** Every edit, by edit ID. */
    public List<EditDefinition> edits() {
        return edits;
    }

    public Collection<String> editIds() {
        return edits.stream().map(EditDefinition::editId).toList();
    }
}
