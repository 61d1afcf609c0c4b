package org.claimrules.engine.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.claimrules.engine.EditCatalog;
import org.claimrules.engine.EditDefinition;
import org.claimrules.model.Claim;
import org.claimrules.model.ClaimLine;
import org.claimrules.model.facts.Adjustment;
import org.claimrules.model.facts.Finding;
import org.claimrules.model.result.ClaimResult;
import org.claimrules.model.result.Disposition;
import org.claimrules.model.result.Edit;
import org.claimrules.model.result.LineResult;
import org.claimrules.model.result.LineStatus;
import org.claimrules.model.result.Severity;

/**
 * Turns what the rules derived for one claim into its result: the edits with their adjustment
 * codes (the rule's metadata, adjusted where the rules said so), each line's status, the claim's
 * disposition (claim-format.md) and the expected payment of the allowed lines.
 */
public final class ResultBuilder {

    private static final Comparator<Finding> ORDER = Comparator
            .comparing((Finding f) -> f.lineNumber() == null ? 0 : f.lineNumber())
            .thenComparing(Finding::editId)
            .thenComparing(Finding::message);

    private ResultBuilder() {
    }

    /** What the rules derived, read off the session once it settled. */
    public record Derived(List<Finding> findings, List<Adjustment> adjustments, Map<Integer, BigDecimal> prices) {
    }

    public static ClaimResult build(Claim claim, Derived derived, EditCatalog catalog, String version) {
        List<Finding> sorted = new ArrayList<>(derived.findings());
        sorted.sort(ORDER);
        Map<Finding, List<Adjustment>> adjustments = new HashMap<>();
        for (Adjustment a : derived.adjustments()) {
            adjustments.computeIfAbsent(a.finding(), f -> new ArrayList<>()).add(a);
        }
        List<Edit> edits = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Map<Integer, EnumSet<Severity>> severitiesByLine = new HashMap<>();
        boolean rtp = false;
        boolean review = false;
        for (Finding f : sorted) {
            if (!seen.add(f.editId() + "/" + f.lineNumber())) {
                continue;
            }
            EditDefinition def = catalog.forRule(f.ruleName());
            if (def == null) {
                throw new IllegalStateException("rule \"" + f.ruleName() + "\" recorded an edit but has no edit metadata");
            }
            edits.add(edit(def, f, adjustments.getOrDefault(f, List.of())));
            rtp |= def.severity() == Severity.RTP;
            review |= def.severity() == Severity.REVIEW;
            if (f.lineNumber() != null) {
                severitiesByLine.computeIfAbsent(f.lineNumber(), n -> EnumSet.noneOf(Severity.class)).add(def.severity());
            }
        }
        List<LineResult> lineResults = new ArrayList<>();
        int denied = 0;
        for (ClaimLine line : claim.lines()) {
            Set<Severity> s = severitiesByLine.getOrDefault(line.lineNumber(), EnumSet.noneOf(Severity.class));
            LineStatus status = rtp ? LineStatus.RETURNED
                    : s.contains(Severity.DENY) ? LineStatus.DENIED
                    : s.contains(Severity.REVIEW) ? LineStatus.PENDED
                    : LineStatus.ALLOWED;
            if (status == LineStatus.DENIED) {
                denied++;
            }
            BigDecimal expected = status == LineStatus.ALLOWED ? derived.prices().get(line.lineNumber()) : null;
            lineResults.add(new LineResult(line.lineNumber(), status, expected));
        }
        Disposition disposition = rtp ? Disposition.RTP
                : denied == claim.lines().size() ? Disposition.DENY
                : denied > 0 ? Disposition.PARTIAL
                : review ? Disposition.REVIEW
                : Disposition.ACCEPT;
        return new ClaimResult(claim.claimId(), disposition, edits, lineResults, version);
    }

    private static Edit edit(EditDefinition def, Finding f, List<Adjustment> adjustments) {
        boolean adverse = def.severity() == Severity.DENY || def.severity() == Severity.RTP;
        String group = adverse ? def.groupCode() : null;
        String rarc = adverse ? def.rarc() : null;
        if (adverse) {
            for (Adjustment a : adjustments) {
                group = a.groupCode() != null ? a.groupCode() : group;
                rarc = a.rarc() != null ? a.rarc() : rarc;
            }
        }
        return new Edit(def.editId(), f.lineNumber(), def.severity(), def.category(), group,
                adverse ? def.carc() : null, rarc, f.message(), def.reference());
    }
}
