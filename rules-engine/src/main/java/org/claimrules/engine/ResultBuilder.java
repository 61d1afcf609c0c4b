package org.claimrules.engine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.claimrules.model.Claim;
import org.claimrules.model.ClaimLine;
import org.claimrules.model.facts.Finding;
import org.claimrules.model.result.ClaimResult;
import org.claimrules.model.result.Disposition;
import org.claimrules.model.result.Edit;
import org.claimrules.model.result.LineResult;
import org.claimrules.model.result.LineStatus;
import org.claimrules.model.result.Severity;
import org.claimrules.model.tables.ProfileParameters;

/**
 * Turns the findings of one claim into its result: the edits with their adjustment codes, each
 * line's status, the claim's disposition (claim-format.md) and the expected payment.
 */
final class ResultBuilder {

    private static final Comparator<Finding> ORDER = Comparator
            .comparing((Finding f) -> f.lineNumber() == null ? 0 : f.lineNumber())
            .thenComparing(Finding::editId)
            .thenComparing(Finding::message);

    private ResultBuilder() {
    }

    static ClaimResult build(Claim claim, List<Finding> findings, Ruleset ruleset) {
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort(ORDER);
        Map<Integer, ClaimLine> lines = new HashMap<>();
        for (ClaimLine line : claim.lines()) {
            lines.put(line.lineNumber(), line);
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
            EditDefinition def = ruleset.catalog().forRule(f.ruleName());
            if (def == null) {
                throw new IllegalStateException("rule \"" + f.ruleName() + "\" recorded an edit but has no edit metadata");
            }
            ClaimLine line = f.lineNumber() == null ? null : lines.get(f.lineNumber());
            edits.add(edit(claim, def, f, line, ruleset));
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
            BigDecimal expected = status == LineStatus.ALLOWED
                    ? FeeEstimator.expectedAllowed(claim, line, ruleset.data()) : null;
            lineResults.add(new LineResult(line.lineNumber(), status, expected));
        }
        Disposition disposition = rtp ? Disposition.RTP
                : denied == claim.lines().size() ? Disposition.DENY
                : denied > 0 ? Disposition.PARTIAL
                : review ? Disposition.REVIEW
                : Disposition.ACCEPT;
        return new ClaimResult(claim.claimId(), disposition, edits, lineResults, ruleset.version());
    }

    private static Edit edit(Claim claim, EditDefinition def, Finding f, ClaimLine line, Ruleset ruleset) {
        boolean adverse = def.severity() == Severity.DENY || def.severity() == Severity.RTP;
        String group = null;
        String rarc = null;
        if (adverse) {
            group = def.groupCodeWithGA() != null && line != null && line.modifiers().contains("GA")
                    ? def.groupCodeWithGA() : def.groupCode();
            rarc = def.rarc();
            if (def.lcd() && rarc == null) {
                rarc = lcdRemark(claim, line, ruleset);
            }
        }
        return new Edit(def.editId(), f.lineNumber(), def.severity(), def.category(), group,
                adverse ? def.carc() : null, rarc, f.message(), def.reference());
    }

    /** The profile's LCD remark (N115 on Medicare) when its LCD is in force on the line's date. */
    private static String lcdRemark(Claim claim, ClaimLine line, Ruleset ruleset) {
        LocalDate date = line != null ? line.serviceDate() : claim.lines().get(0).serviceDate();
        for (ProfileParameters p : ruleset.data().profile(claim.profile())) {
            if (p.validOn(date) && p.lcdRarc() != null && p.lcdEditsFrom() != null && p.lcdInForce(date)) {
                return p.lcdRarc();
            }
        }
        return null;
    }
}
