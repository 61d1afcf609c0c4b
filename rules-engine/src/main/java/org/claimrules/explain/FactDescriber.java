package org.claimrules.explain;

import java.time.LocalDate;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.claimrules.model.Claim;
import org.claimrules.model.Clinical;
import org.claimrules.model.PriorAuthorization;
import org.claimrules.model.facts.Finding;
import org.claimrules.model.facts.Line;
import org.claimrules.model.facts.PriorSession;
import org.claimrules.model.tables.DatedRow;
import org.claimrules.tables.RowType;

/**
 * Says what a matched fact is, in words a biller follows. The claim's own facts (claim, lines,
 * documentation, authorization, prior sessions, findings) have fixed wording; any other fact is a
 * type of the ruleset (a table row or a derived fact), described by its type and its plain
 * properties: a {@code description} property when it has one, and of the rest those the rule's
 * text names (all of them when there are few). Member identity is never printed.
 */
final class FactDescriber {

    /** A fact with at most this many plain properties shows them all. */
    private static final int FEW = 6;

    private final String ruleText;

    FactDescriber(String ruleText) {
        this.ruleText = ruleText == null ? "" : ruleText;
    }

    String describe(Object fact) {
        if (fact instanceof Line l) {
            return "line " + l.lineNumber() + ": " + l.procedureCode() + " on " + l.serviceDate() + ", " + l.units()
                    + (l.units() == 1 ? " unit" : " units") + modifiers(l) + (l.pointersPastList().isEmpty() ? ""
                            : ", diagnosis pointers past the list: " + join(l.pointersPastList()));
        }
        if (fact instanceof PriorSession p) {
            return "earlier " + lower(p.intent()) + " session on " + p.date() + " in " + lower(p.region())
                    + (p.levels().isEmpty() ? "" : ", levels " + String.join(" ", p.levels()))
                    + (p.reliefPercent() == null ? ", relief not documented" : ", relief " + p.reliefPercent() + " %"
                            + (p.reliefDurationWeeks() == null ? "" : " for " + p.reliefDurationWeeks() + " weeks"))
                    + " (" + p.source() + ")";
        }
        if (fact instanceof PriorAuthorization a) {
            return "prior authorization " + a.number() + ": " + a.decision()
                    + (a.decisionDate() == null ? "" : " on " + a.decisionDate());
        }
        if (fact instanceof Finding f) {
            return "edit " + f.editId() + " (" + f.severity() + ")"
                    + (f.lineNumber() == null ? " on the claim" : " on line " + f.lineNumber());
        }
        if (fact instanceof Claim c) {
            return "claim " + c.claimId() + ": payer profile " + c.profile()
                    + (c.payer() != null && c.payer().mac() != null ? " (" + c.payer().mac() + ")" : "")
                    + (c.billingProvider() == null ? "" : ", billed by " + c.billingProvider().role())
                    + ", place of service " + c.placeOfService();
        }
        if (fact instanceof Clinical c) {
            String fields = properties(c, true);
            return "the documentation" + (fields.isEmpty() ? " supplied with the claim" : ": " + fields);
        }
        String name = fact.getClass().getSimpleName();
        Object description = RowType.properties(fact).get("description");
        String fields = properties(fact, false);
        return name + (description instanceof String d ? ": " + d : "") + (fields.isEmpty() ? "" : " (" + fields + ")")
                + (fact instanceof DatedRow d ? validity(d) : "");
    }

    /**
     * What an accumulate collected, e.g. the dates of the sessions a count is made of: each date
     * with the sources of the facts of that date, so the biller sees which history entries and
     * claims were counted.
     */
    String describeCollected(Collection<?> collected, Collection<Object> known) {
        if (collected.isEmpty() || !collected.stream().allMatch(o -> o instanceof LocalDate)) {
            return "collected: " + join(collected);
        }
        List<String> parts = new ArrayList<>();
        for (LocalDate date : collected.stream().map(o -> (LocalDate) o).sorted().toList()) {
            List<String> sources = known.stream().filter(o -> o instanceof PriorSession p && p.date().equals(date))
                    .map(o -> ((PriorSession) o).source()).distinct().toList();
            parts.add(date + (sources.isEmpty() ? " (this claim)" : " (" + String.join(", ", sources) + ")"));
        }
        return "dates counted: " + String.join("; ", parts);
    }

    /** {@code name = value} for the plain properties: those the rule names, or all when few. */
    private String properties(Object fact, boolean onlyNamed) {
        Map<String, Object> all = RowType.properties(fact);
        List<Map.Entry<String, Object>> plain = all.entrySet().stream()
                .filter(e -> !e.getKey().equals("description") && !e.getKey().equals("validFrom")
                        && !e.getKey().equals("validTo") && isPlain(e.getValue()))
                .toList();
        boolean showAll = !onlyNamed && plain.size() <= FEW;
        List<String> parts = new ArrayList<>(plain.stream().filter(e -> showAll || mentions(e.getKey()))
                .map(e -> e.getKey() + " = " + (e.getValue() == null ? "(blank)" : text(e.getValue())))
                .toList());
        parts.addAll(nestedPaths(fact, all));
        return String.join(", ", parts);
    }

    private static final java.util.regex.Pattern PATH =
            java.util.regex.Pattern.compile("(?<![\\w$.])([a-z]\\w*(?:\\.[a-z]\\w*(?:\\(\\))?)+)");

    /**
     * The values the rule reaches through this fact, e.g. {@code policy.p.maxLevelsPerSession = 2}
     * for a rule that compares it: the dotted paths of the rule's text that start at one of the
     * fact's properties and end at a plain value.
     */
    private List<String> nestedPaths(Object fact, Map<String, Object> properties) {
        List<String> out = new ArrayList<>();
        java.util.regex.Matcher m = PATH.matcher(ruleText);
        while (m.find()) {
            String path = m.group(1).replace("()", "");
            boolean shown = out.stream().anyMatch(o -> o.startsWith(path + " = "));
            if (shown || !properties.containsKey(path.split("\\.")[0])) {
                continue;
            }
            Object value = follow(fact, path);
            if (value != NOT_A_PATH && isPlain(value)) {
                out.add(path + " = " + (value == null ? "(blank)" : text(value)));
            }
        }
        return out;
    }

    /**
     * The claim and its documentation as far as the rule reads them through this fact (a line
     * carries both: {@code line.clinical.painDurationMonths}, {@code line.claim.placeOfService}),
     * to be shown as facts of their own, in their fixed wording, as when a rule matches them.
     */
    List<Object> readThrough(Object fact) {
        List<Object> out = new ArrayList<>();
        java.util.regex.Matcher m = PATH.matcher(ruleText);
        while (m.find()) {
            Object value = follow(fact, m.group(1).replace("()", ""));
            if (isClaimFact(value) && out.stream().noneMatch(o -> o == value)) {
                out.add(value);
            }
        }
        return out;
    }

    private static final Object NOT_A_PATH = new Object();

    /**
     * What a dotted path of the rule's text reaches from the fact: the plain value at its end, or
     * the claim or its documentation where the path enters them (those are shown as facts of their
     * own); {@link #NOT_A_PATH} when a step is not a property.
     */
    private static Object follow(Object fact, String path) {
        Object value = fact;
        try {
            for (String step : path.split("\\.")) {
                value = value == null ? null : RowType.get(value, step);
                if (isClaimFact(value)) {
                    return value;
                }
            }
        } catch (RuntimeException notAProperty) {
            return NOT_A_PATH;
        }
        return value;
    }

    private static boolean isClaimFact(Object value) {
        return value instanceof Claim || value instanceof Clinical;
    }

    private static boolean isPlain(Object value) {
        return value == null || value instanceof String || value instanceof Number || value instanceof Boolean
                || value instanceof Enum<?> || value instanceof TemporalAccessor
                || value instanceof Collection<?> c && c.stream().allMatch(FactDescriber::isPlain);
    }

    private boolean mentions(String word) {
        return java.util.regex.Pattern.compile("(?<![\\w$])" + java.util.regex.Pattern.quote(word) + "(?![\\w$])")
                .matcher(ruleText).find();
    }

    private static String text(Object value) {
        return value instanceof Collection<?> c ? join(c) : String.valueOf(value);
    }

    private static String join(Collection<?> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(" "));
    }

    private static String lower(Object value) {
        return value == null ? "" : value.toString().toLowerCase().replace('_', ' ');
    }

    private static String modifiers(Line l) {
        return l.modifiers().isEmpty() ? ", no modifiers"
                : ", modifiers " + l.modifiers().stream().sorted().collect(Collectors.joining(" "));
    }

    private static String validity(DatedRow d) {
        if (d.getValidFrom() == null && d.getValidTo() == null) {
            return "";
        }
        return " [valid " + (d.getValidFrom() == null ? "" : "from " + d.getValidFrom())
                + (d.getValidTo() == null ? "" : (d.getValidFrom() == null ? "" : " ") + "to " + d.getValidTo()) + "]";
    }

}
