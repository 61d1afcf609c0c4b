package org.claimrules.explain;

import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.claimrules.model.Claim;
import org.claimrules.model.Clinical;
import org.claimrules.model.PriorAuthorization;
import org.claimrules.model.ProviderRole;
import org.claimrules.model.facts.BilledLaterality;
import org.claimrules.model.facts.FacetLine;
import org.claimrules.model.facts.Finding;
import org.claimrules.model.facts.JunctionLine;
import org.claimrules.model.facts.Line;
import org.claimrules.model.facts.PreviousSession;
import org.claimrules.model.facts.Session;
import org.claimrules.model.facts.SessionCount;
import org.claimrules.model.tables.CodeListEntry;
import org.claimrules.model.tables.CoveredDiagnosis;
import org.claimrules.model.tables.Dated;
import org.claimrules.model.tables.FacetCode;
import org.claimrules.model.tables.JunctionRule;
import org.claimrules.model.tables.PriorAuthRequirement;
import org.claimrules.model.tables.ProfileParameters;

/**
 * Says what a matched fact is, in words a biller follows. For the payer profile and the clinical
 * documentation it names only the fields the rule's text refers to, e.g.
 * {@code diagnosticSessionsPer12Months = 4}. Member identity is never printed.
 */
final class FactDescriber {

    private final String ruleText;
    private final ProviderRole role;

    FactDescriber(String ruleText, Claim claim) {
        this.ruleText = ruleText == null ? "" : ruleText;
        this.role = claim.billingProvider() == null ? null : claim.billingProvider().role();
    }

    String describe(Object fact) {
        if (fact instanceof FacetLine f) {
            return "facet line " + f.lineNumber() + ": " + f.code() + " on " + f.serviceDate() + ", " + f.region()
                    + ", level " + f.level() + (f.addOn() ? " (add-on of " + f.family().primaryCode() + ")" : " (primary)")
                    + units(f.line()) + modifiers(f.line());
        }
        if (fact instanceof Line l) {
            return "line " + l.lineNumber() + ": " + l.procedureCode() + " on " + l.serviceDate() + units(l)
                    + modifiers(l) + (l.pointersPastList().isEmpty() ? ""
                            : ", diagnosis pointers past the list: " + l.pointersPastList());
        }
        if (fact instanceof SessionCount c) {
            Session s = c.session();
            return c.count() + " " + intent(s) + " session" + (c.count() == 1 ? "" : "s") + " in " + s.region()
                    + " in the rolling 12 months after " + c.windowStart() + " up to " + s.date()
                    + " (this one included)";
        }
        if (fact instanceof PreviousSession p) {
            return "the previous " + intent(p.session()) + " session in " + p.session().region() + " before "
                    + p.session().date() + " is the one of " + p.previous().date() + " (" + p.daysBetween()
                    + " days earlier, " + p.previous().source() + ")" + relief(p.previous());
        }
        if (fact instanceof Session s) {
            return (s.current() ? "this claim's " : "earlier ") + intent(s) + " session on " + s.date() + " in "
                    + s.region() + (s.levels().isEmpty() ? "" : ", levels " + String.join(" ", s.levels()))
                    + (s.current() ? "" : relief(s)) + " (" + s.source() + ")";
        }
        if (fact instanceof ProfileParameters p) {
            return "payer profile " + p.profile() + validity(p) + ": " + referencedProfileParameters(p);
        }
        if (fact instanceof CodeListEntry e) {
            return e.code() + " is on code list " + e.list() + (e.region() == null ? "" : " for " + e.region())
                    + (e.description() == null ? "" : " (" + e.description() + ")") + validity(e);
        }
        if (fact instanceof CoveredDiagnosis d) {
            return "diagnosis " + d.code() + " supports " + d.region() + " facet lines"
                    + (d.description() == null ? "" : " (" + d.description() + ")") + validity(d);
        }
        if (fact instanceof FacetCode c) {
            return "code family row " + c.code() + ": " + c.region() + ", level " + c.level()
                    + (c.addOn() ? ", add-on of " + c.primaryCode() : ", primary")
                    + (c.requiresCode() == null ? "" : ", requires " + c.requiresCode()) + validity(c);
        }
        if (fact instanceof JunctionLine j) {
            return "line " + j.line().lineNumber() + " (" + j.line().procedureCode() + ") counts in "
                    + j.rule().region() + " under the thoracolumbar junction rule";
        }
        if (fact instanceof JunctionRule j) {
            return "thoracolumbar junction rule" + (j.profile() == null ? "" : " of " + j.profile())
                    + (j.mac() == null ? "" : " / " + j.mac()) + ": with " + j.documentedLevel() + " documented, "
                    + j.primaryCode() + " with " + j.addOnCode() + " is one " + j.region() + " session ("
                    + j.source() + ")" + validity(j);
        }
        if (fact instanceof BilledLaterality b) {
            return "line " + b.line().lineNumber() + " (" + b.line().code() + ") is billed " + b.describe();
        }
        if (fact instanceof PriorAuthRequirement r) {
            return "profile " + r.profile() + " requires prior authorization for " + String.join(" ", r.codes())
                    + (r.roles().isEmpty() ? "" : " billed by " + r.roles())
                    + (r.placesOfService().isEmpty() ? "" : " in places of service " + String.join(" ", r.placesOfService()))
                    + ", a decision being valid " + r.validityDays() + " days" + validity(r);
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
                    + (role == null ? "" : ", billed by " + role) + ", place of service " + c.placeOfService();
        }
        if (fact instanceof Clinical c) {
            String fields = referenced(c, Set.of());
            return "the documentation" + (fields.isEmpty() ? " supplied with the claim" : ": " + fields);
        }
        if (fact instanceof Record r) {
            String fields = referenced(r, Set.of());
            return r.getClass().getSimpleName() + (fields.isEmpty() ? "" : ": " + fields);
        }
        return String.valueOf(fact);
    }

    /**
     * What an accumulate collected, e.g. the dates of the sessions a count is made of: each date
     * with the session facts of that date (of the region and intent of a session the match holds),
     * so the biller sees which history entries and claims were counted.
     */
    String describeCollected(Collection<?> collected, List<Object> matched, Collection<Object> known) {
        Session anchor = matched.stream().filter(o -> o instanceof Session).map(o -> (Session) o).findFirst().orElse(null);
        if (collected.isEmpty() || !collected.stream().allMatch(o -> o instanceof LocalDate)) {
            return "collected: " + collected;
        }
        List<String> parts = new ArrayList<>();
        for (LocalDate date : collected.stream().map(o -> (LocalDate) o).sorted().toList()) {
            List<String> sources = known.stream().filter(o -> o instanceof Session).map(o -> (Session) o)
                    .filter(s -> s.date().equals(date))
                    .filter(s -> anchor == null || (s.region() == anchor.region() && s.intent() == anchor.intent()))
                    .map(Session::source).distinct().toList();
            parts.add(date + (sources.isEmpty() ? "" : " (" + String.join(", ", sources) + ")"));
        }
        return "sessions counted: " + String.join("; ", parts);
    }

    /** The profile parameters the rule refers to, by name or through the helpers that read them. */
    private String referencedProfileParameters(ProfileParameters p) {
        List<String> parts = new ArrayList<>();
        String fields = referenced(p, Set.of("profile", "validFrom", "validTo"));
        if (!fields.isEmpty()) {
            parts.add(fields);
        }
        if (mentions("lcdInForce") && !mentions("lcdEditsFrom")) {
            parts.add("lcdEditsFrom = " + (p.lcdEditsFrom() == null ? "(none: always in force)" : p.lcdEditsFrom()));
        }
        if (mentions("bilateralConvention") && role != null) {
            parts.add("bilateral reporting for " + role + " = " + p.bilateralConvention(role));
        }
        return parts.isEmpty() ? "the row in force on the service date" : String.join(", ", parts);
    }

    /** {@code name = value} for each record component whose name the rule's text uses. */
    private String referenced(Record r, Set<String> skip) {
        List<String> parts = new ArrayList<>();
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            if (skip.contains(c.getName()) || !mentions(c.getName())) {
                continue;
            }
            try {
                Object value = c.getAccessor().invoke(r);
                parts.add(c.getName() + " = " + (value == null ? "(blank)" : value));
            } catch (ReflectiveOperationException e) {
                // a record accessor is public; nothing to report if it cannot be read
            }
        }
        return String.join(", ", parts);
    }

    private boolean mentions(String word) {
        return java.util.regex.Pattern.compile("(?<![\\w$])" + java.util.regex.Pattern.quote(word) + "(?![\\w$])")
                .matcher(ruleText).find();
    }

    private static String intent(Session s) {
        return s.intent() == null ? "" : s.intent().name().toLowerCase();
    }

    private static String relief(Session s) {
        if (s.reliefPercent() == null) {
            return ", relief not documented";
        }
        return ", relief " + s.reliefPercent() + "%"
                + (s.reliefDurationWeeks() == null ? "" : " for " + s.reliefDurationWeeks() + " weeks");
    }

    private static String units(Line l) {
        return ", " + l.units() + (l.units() == 1 ? " unit" : " units");
    }

    private static String modifiers(Line l) {
        return l.modifiers().isEmpty() ? ", no modifiers"
                : ", modifiers " + l.modifiers().stream().sorted().collect(Collectors.joining(" "));
    }

    private static String validity(Dated d) {
        if (d.validFrom() == null && d.validTo() == null) {
            return "";
        }
        return " [valid " + (d.validFrom() == null ? "" : "from " + d.validFrom())
                + (d.validTo() == null ? "" : (d.validFrom() == null ? "" : " ") + "to " + d.validTo()) + "]";
    }
}
