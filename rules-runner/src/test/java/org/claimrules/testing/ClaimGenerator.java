package org.claimrules.testing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.claimrules.model.AuthDecision;
import org.claimrules.model.BillingProvider;
import org.claimrules.model.Claim;
import org.claimrules.model.ClaimLine;
import org.claimrules.model.Clinical;
import org.claimrules.model.Guidance;
import org.claimrules.model.HistoryEntry;
import org.claimrules.model.Intent;
import org.claimrules.model.Laterality;
import org.claimrules.model.Patient;
import org.claimrules.model.Payer;
import org.claimrules.model.PriorAuthorization;
import org.claimrules.model.ProviderRole;
import org.claimrules.model.Region;
import org.claimrules.model.Scale;
import org.claimrules.model.Technique;

/**
 * Small, realistic random claims: the facet codes 64490-64495 (and a few neighbours), their
 * modifiers, dates in 2026, both payer profiles, covered and uncovered diagnoses, clinical notes
 * and history. Most claims are valid; the point is to reach many edits, not to break the reader.
 */
public final class ClaimGenerator {

    private static final String[] CERVICAL_DX = {"M47.812", "M47.813", "M47.892", "M48.12", "M53.82", "M47.815"};
    private static final String[] LUMBAR_DX = {"M47.816", "M47.817", "M47.896", "M48.16", "M53.86", "M47.815"};
    private static final String[] UNCOVERED_DX = {"M54.50", "M51.16", "Z00.00", "G89.29"};
    private static final String[] CERVICAL_LEVELS = {"C2-C3", "C4-C5", "C5-C6", "C6-C7", "C7-T1", "T11-T12", "T12-L1"};
    private static final String[] LUMBAR_LEVELS = {"L1-L2", "L3-L4", "L4-L5", "L5-S1", "T12-L1"};
    private static final String[] MODIFIERS = {"50", "RT", "LT", "KX", "59", "GA", "XS"};
    private static final String[] OTHER_CODES = {"77003", "20552", "64635", "62321"};
    private static final LocalDate FIRST_DATE = LocalDate.of(2026, 1, 5);

    private ClaimGenerator() {
    }

    public static Claim claim(Random r, String claimId, String memberId) {
        Region region = r.nextBoolean() ? Region.LUMBAR_SACRAL : Region.CERVICAL_THORACIC;
        boolean lumbar = region == Region.LUMBAR_SACRAL;
        LocalDate date = FIRST_DATE.plusDays(r.nextInt(180));
        ProviderRole role = pick(r, ProviderRole.values());
        String pos = switch (role) {
            case PRACTITIONER -> r.nextInt(10) == 0 ? "22" : "11";
            case ASC_FACILITY -> "24";
            case HOSPITAL_OUTPATIENT -> r.nextBoolean() ? "22" : "19";
        };
        List<String> diagnoses = new ArrayList<>();
        for (int i = 0, n = 1 + r.nextInt(3); i < n; i++) {
            diagnoses.add(r.nextInt(5) == 0 ? pick(r, UNCOVERED_DX) : pick(r, lumbar ? LUMBAR_DX : CERVICAL_DX));
        }
        List<ClaimLine> lines = new ArrayList<>();
        String primary = lumbar ? "64493" : "64490";
        String second = lumbar ? "64494" : "64491";
        String third = lumbar ? "64495" : "64492";
        lines.add(line(r, 1, r.nextInt(8) == 0 ? second : primary, date));
        for (int n = 2, count = 1 + r.nextInt(4); n <= count; n++) {
            String code = switch (r.nextInt(6)) {
                case 0, 1 -> second;
                case 2 -> third;
                case 3 -> primary;
                case 4 -> pick(r, OTHER_CODES);
                default -> r.nextBoolean() ? "64490" : "64493";
            };
            lines.add(line(r, n, code, r.nextInt(10) == 0 ? date.plusDays(1) : date));
        }
        return new Claim(claimId,
                new Payer(r.nextBoolean() ? "MEDICARE" : "COMMERCIAL", r.nextBoolean() ? "CGS_J15" : null),
                new BillingProvider("1234567893", role, r.nextInt(6) == 0),
                pos,
                r.nextInt(3) == 0 ? null : new PriorAuthorization("UTN" + r.nextInt(1_000_000),
                        pick(r, AuthDecision.values()), date.minusDays(r.nextInt(40))),
                new Patient(memberId, LocalDate.of(1940 + r.nextInt(50), 1 + r.nextInt(12), 1 + r.nextInt(28)),
                        r.nextBoolean() ? "F" : "M"),
                diagnoses, lines,
                r.nextInt(10) == 0 ? null : clinical(r, lumbar),
                history(r, date));
    }

    private static ClaimLine line(Random r, int number, String code, LocalDate date) {
        List<String> modifiers = new ArrayList<>();
        for (int i = 0, n = r.nextInt(4); i < n; i++) {
            String m = pick(r, MODIFIERS);
            if (!modifiers.contains(m)) {
                modifiers.add(m);
            }
        }
        return new ClaimLine(number, code, modifiers, r.nextInt(12) == 0 ? 2 : 1, date,
                r.nextBoolean() ? null : List.of(1 + r.nextInt(2)),
                r.nextBoolean() ? BigDecimal.valueOf(100 + r.nextInt(900)) : null);
    }

    private static Clinical clinical(Random r, boolean lumbar) {
        String[] all = lumbar ? LUMBAR_LEVELS : CERVICAL_LEVELS;
        List<String> levels = new ArrayList<>();
        for (int i = 0, n = 1 + r.nextInt(3); i < n; i++) {
            String level = pick(r, all);
            if (!levels.contains(level)) {
                levels.add(level);
            }
        }
        Intent intent = r.nextBoolean() ? Intent.DIAGNOSTIC : Intent.THERAPEUTIC;
        return new Clinical(intent,
                r.nextInt(4) == 0 ? Technique.INTRA_ARTICULAR : Technique.MEDIAL_BRANCH_BLOCK,
                r.nextInt(8) == 0 ? pick(r, Guidance.values()) : Guidance.FLUOROSCOPY,
                r.nextInt(10) == 0 ? null : levels,
                pick(r, Laterality.values()),
                r.nextInt(6) == 0 ? null : r.nextInt(13),
                r.nextInt(6) == 0 ? null : r.nextInt(5) > 0,
                r.nextInt(3) == 0 ? null : new Scale("NRS", r.nextInt(11)),
                r.nextInt(3) == 0 ? null : new Scale("ODI", r.nextInt(101)),
                r.nextInt(5) == 0,
                intent == Intent.THERAPEUTIC && r.nextBoolean() ? "anticoagulation" : null);
    }

    private static List<HistoryEntry> history(Random r, LocalDate date) {
        List<HistoryEntry> history = new ArrayList<>();
        for (int i = 0, n = r.nextInt(3); i < n; i++) {
            Region region = r.nextBoolean() ? Region.LUMBAR_SACRAL : Region.CERVICAL_THORACIC;
            history.add(new HistoryEntry(date.minusDays(7 + r.nextInt(400)), region, pick(r, Intent.values()),
                    List.of(pick(r, region == Region.LUMBAR_SACRAL ? LUMBAR_LEVELS : CERVICAL_LEVELS)),
                    r.nextInt(4) == 0 ? null : r.nextInt(101), r.nextInt(4) == 0 ? null : r.nextInt(20),
                    r.nextBoolean() ? "H-" + r.nextInt(1000) : null));
        }
        return history;
    }

    /** The same claim under another claim ID. */
    public static Claim withId(Claim c, String claimId) {
        return new Claim(claimId, c.payer(), c.billingProvider(), c.placeOfService(), c.priorAuthorization(),
                c.patient(), c.diagnoses(), c.lines(), c.clinical(), c.history());
    }

    private static <T> T pick(Random r, T[] values) {
        return values[r.nextInt(values.length)];
    }
}
