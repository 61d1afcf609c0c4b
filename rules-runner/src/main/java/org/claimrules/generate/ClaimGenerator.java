package org.claimrules.generate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
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
 * Synthetic claims of the bundled families (facet joint injections, and radiofrequency ablation of
 * the facet nerves) for tests and benchmarks. Claim {@code i} depends only on the
 * seed and {@code i} (and the member it belongs to only on the seed and the member number), so
 * any slice of a file can be generated in parallel and the same seed always gives the same bytes.
 * No wall clock, no hash iteration order.
 *
 * <p>The mix: the three bundled payer profiles, every billing role and the usual places of service
 * (critical access hospitals among the hospitals), the six facet codes with imaging, sedation,
 * other blocks, RFA and ultrasound-guided codes beside them, about one claim in ten an RFA claim
 * (64633-64636 with their add-on units, techniques and guidance, after positive diagnostic blocks
 * or an earlier RFA in the history), documentation gaps, payer history, and members with several
 * claims in the file at scattered positions and dates (about 1.6 claims per member). A small share of claims is deliberately
 * invalid (an unknown profile, a line without a service date) so the error path is exercised.
 */
public final class ClaimGenerator {

    private static final LocalDate FIRST_DAY = LocalDate.of(2025, 7, 1);
    private static final String[] LUMBAR_DX = {"M47.816", "M47.817", "M47.896", "M48.16", "M53.86", "M47.815"};
    private static final String[] CERVICAL_DX = {"M47.812", "M47.813", "M47.892", "M48.12", "M53.82", "M47.814"};
    private static final String[] UNCOVERED_DX = {"M54.50", "M47.819", "M43.16", "M96.1", "M47.811"};
    private static final String[] SEDATION = {"99152", "99153", "99156", "00300", "00600", "00630", "01991", "01992"};
    private static final String[] OTHER_BLOCKS = {"62321", "62323", "64483", "64484", "64479", "64520", "20552", "20553"};
    private static final String[] LUMBAR_LEVELS = {"L3-L4", "L4-L5", "L5-S1", "L2-L3"};
    private static final String[] CERVICAL_LEVELS = {"C4-C5", "C5-C6", "C6-C7", "C3-C4", "T12-L1"};
    private static final String[] MACS = {"CGS_J15", "NORIDIAN_JE", "NOVITAS_JH"};
    private static final Technique[] OTHER_ABLATIONS = {Technique.PULSED_RF, Technique.CRYOABLATION, Technique.CHEMICAL};
    /** Claims per hundred that are radiofrequency ablation claims. */
    private static final int RFA_PERCENT = 10;

    private final long seed;
    private final long memberCount;
    private final int invalidPerMille;

    /**
     * @param count the number of claims the file will hold (it sets the number of members)
     * @param invalidPerMille invalid claims per thousand
     */
    public ClaimGenerator(long seed, long count, int invalidPerMille) {
        this.seed = seed;
        this.memberCount = Math.max(1, count * 5 / 8);
        this.invalidPerMille = invalidPerMille;
    }

    /** A member: what stays the same across the member's claims. */
    private record Member(String id, LocalDate birthDate, String sex, boolean medicare, String mac,
            Region region, ProviderRole role, String pos, String npi, LocalDate episodeStart, String profile,
            boolean criticalAccess) {
    }

    private Member member(long number) {
        SplittableRandom r = new SplittableRandom(mix(seed, 0x4d454d42L + number));
        boolean medicare = r.nextInt(100) < 60;
        LocalDate birth = LocalDate.of(medicare ? 1940 + r.nextInt(20) : 1960 + r.nextInt(40), 1 + r.nextInt(12),
                1 + r.nextInt(28));
        int roleDraw = r.nextInt(100);
        ProviderRole role = roleDraw < 60 ? ProviderRole.PRACTITIONER
                : roleDraw < 80 ? ProviderRole.ASC_FACILITY : ProviderRole.HOSPITAL_OUTPATIENT;
        String pos = switch (role) {
            case ASC_FACILITY -> "24";
            case HOSPITAL_OUTPATIENT -> r.nextBoolean() ? "22" : "19";
            case PRACTITIONER -> pick(r, new String[] {"11", "11", "11", "22", "19", "24"});
        };
        String npi = String.format("1%09d", r.nextInt(1_000_000_000));
        String id = String.format("M-%08d", number);
        String sex = r.nextBoolean() ? "F" : "M";
        String mac = medicare ? pick(r, MACS) : null;
        Region region = r.nextInt(100) < 65 ? Region.LUMBAR_SACRAL : Region.CERVICAL_THORACIC;
        LocalDate episodeStart = FIRST_DAY.plusDays(r.nextInt(240));
        String profile = medicare ? "MEDICARE" : r.nextInt(100) < 20 ? "COMMERCIAL_STRICT" : "COMMERCIAL";
        boolean criticalAccess = role == ProviderRole.HOSPITAL_OUTPATIENT && r.nextInt(100) < 15;
        return new Member(id, birth, sex, medicare, mac, region, role, pos, npi, episodeStart, profile, criticalAccess);
    }

    /** Claim number {@code index} (0-based) of the file. */
    public Claim claim(long index) {
        SplittableRandom r = new SplittableRandom(mix(seed, index));
        Member m = member(Math.floorMod(r.nextLong(), memberCount));
        String claimId = String.format("C-%09d", index + 1);
        LocalDate date = m.episodeStart().plusDays(r.nextInt(300));
        boolean lumbar = m.region() == Region.LUMBAR_SACRAL;
        boolean diagnostic = r.nextInt(100) < 60;
        int levels = r.nextInt(100) < 55 ? 1 : r.nextInt(100) < 80 ? 2 : 3;
        boolean bilateral = r.nextInt(100) < 40;
        boolean ascRtLt = bilateral && m.role() == ProviderRole.ASC_FACILITY && r.nextInt(100) < 85;
        boolean right = r.nextBoolean();
        SplittableRandom ablation = new SplittableRandom(mix(seed ^ 0x524641L, index));
        if (ablation.nextInt(100) < RFA_PERCENT) {
            return rfaClaim(ablation, m, claimId, date);
        }

        List<ClaimLine> lines = new ArrayList<>();
        String[] codes = lumbar ? new String[] {"64493", "64494", "64495"} : new String[] {"64490", "64491", "64492"};
        for (int level = 0; level < levels; level++) {
            String code = codes[level];
            if (level == 1 && r.nextInt(100) < 3) {
                continue; // add-on without its primary's companion: a pairing problem
            }
            List<String> mods = new ArrayList<>();
            if (m.medicare() && diagnostic && r.nextInt(100) < 92) {
                mods.add("KX");
            } else if (!m.medicare() && r.nextInt(100) < 10) {
                mods.add("KX");
            }
            if (r.nextInt(100) < 3) {
                mods.add(pick(r, new String[] {"59", "XS", "51"}));
            }
            BigDecimal charge = money(level == 0 ? 600 + r.nextInt(900) : 250 + r.nextInt(500), r);
            int units = r.nextInt(100) < 2 ? 2 : 1;
            if (ascRtLt) {
                lines.add(line(lines.size() + 1, code, plus(mods, "RT"), units, date, charge));
                lines.add(line(lines.size() + 1, code, plus(mods, "LT"), units, date, charge));
            } else {
                List<String> side = bilateral ? plus(mods, "50") : plus(mods, right ? "RT" : "LT");
                lines.add(line(lines.size() + 1, code, side, units, date, charge));
            }
        }
        addRelated(r, lines, date, lumbar);

        List<String> diagnoses = diagnoses(r, lumbar);
        Clinical clinical = clinical(r, lumbar, diagnostic, levels, bilateral, right, m.medicare());
        PriorAuthorization pa = priorAuthorization(r, m, date);
        List<HistoryEntry> history = history(r, m.region(), date, diagnostic, m.medicare());

        return finish(r, m, claimId, lines, diagnoses, clinical, pa, history);
    }

    /** The payer, provider and patient of the member around the lines; a few claims made invalid. */
    private Claim finish(SplittableRandom r, Member m, String claimId, List<ClaimLine> lines, List<String> diagnoses,
            Clinical clinical, PriorAuthorization pa, List<HistoryEntry> history) {
        Payer payer = new Payer(m.profile(), m.mac());
        if (r.nextInt(1000) < invalidPerMille) {
            if (r.nextBoolean()) {
                payer = new Payer("MEDICAID", null);
            } else {
                ClaimLine first = lines.get(0);
                lines.set(0, new ClaimLine(first.lineNumber(), first.procedureCode(), first.modifiers(), first.units(),
                        null, first.diagnosisPointers(), first.charge()));
            }
        }
        return new Claim(claimId, payer,
                new BillingProvider(m.npi(), m.role(), m.role() == ProviderRole.HOSPITAL_OUTPATIENT && r.nextInt(100) < 10,
                        m.criticalAccess() ? Boolean.TRUE : null),
                m.pos(), pa, new Patient(m.id(), m.birthDate(), m.sex()), diagnoses, lines, clinical, history);
    }

    /**
     * A radiofrequency ablation claim: the primary of the member's region (64633 or 64635) with its
     * add-on for further levels (64634 or 64636, units = additional levels), bilateral as 50 or as RT
     * and LT lines (ASC facility), sometimes with guidance or sedation billed beside it. Its history
     * mostly leads up to it: positive diagnostic blocks before a first RFA, or an earlier RFA with
     * lasting relief before a repeat one; about one in six gets an arbitrary history.
     */
    private Claim rfaClaim(SplittableRandom r, Member m, String claimId, LocalDate date) {
        boolean lumbar = m.region() == Region.LUMBAR_SACRAL;
        String primary = lumbar ? "64635" : "64633";
        String addOn = lumbar ? "64636" : "64634";
        int levels = r.nextInt(100) < 40 ? 1 : r.nextInt(100) < 75 ? 2 : 3;
        boolean bilateral = r.nextInt(100) < 50;
        boolean ascRtLt = bilateral && m.role() == ProviderRole.ASC_FACILITY && r.nextInt(100) < 85;
        boolean right = r.nextBoolean();
        List<ClaimLine> lines = new ArrayList<>();
        List<String[]> billed = new ArrayList<>();
        if (r.nextInt(100) >= 3) { // else an add-on without its primary
            billed.add(new String[] {primary, r.nextInt(100) < 2 ? "2" : "1"});
        }
        if (levels > 1 || billed.isEmpty()) {
            billed.add(new String[] {addOn, String.valueOf(Math.max(1, levels - 1))});
        }
        for (String[] b : billed) {
            BigDecimal charge = money(b[0].equals(primary) ? 1200 + r.nextInt(900) : 500 + r.nextInt(400), r);
            int units = Integer.parseInt(b[1]);
            if (ascRtLt) {
                lines.add(line(lines.size() + 1, b[0], List.of("RT"), units, date, charge));
                lines.add(line(lines.size() + 1, b[0], List.of("LT"), units, date, charge));
            } else {
                lines.add(line(lines.size() + 1, b[0], List.of(bilateral ? "50" : right ? "RT" : "LT"), units, date, charge));
            }
        }
        if (r.nextInt(100) < 8) {
            lines.add(line(lines.size() + 1, r.nextInt(100) < 80 ? "77003" : "77012", List.of(), 1, date, money(90, r)));
        }
        if (r.nextInt(100) < 8) {
            lines.add(line(lines.size() + 1, pick(r, SEDATION), List.of(), 1, date, money(120, r)));
        }
        List<String> diagnoses = diagnoses(r, lumbar);
        Clinical clinical = null;
        if (r.nextInt(100) >= 5) {
            String[] names = lumbar ? LUMBAR_LEVELS : CERVICAL_LEVELS;
            List<String> documented = new ArrayList<>();
            for (int i = 0; i < levels && i < names.length; i++) {
                documented.add(names[i]);
            }
            Technique technique = r.nextInt(100) < 90 ? Technique.THERMAL_RF : pick(r, OTHER_ABLATIONS);
            Laterality laterality = bilateral ? Laterality.BILATERAL : right ? Laterality.RIGHT : Laterality.LEFT;
            clinical = new Clinical(null, technique, r.nextInt(100) < 95 ? Guidance.FLUOROSCOPY : Guidance.CT, documented,
                    laterality, 6 + r.nextInt(30), Boolean.TRUE, new Scale("NRS", 5 + r.nextInt(5)),
                    new Scale(lumbar ? "ODI" : "NDI", 25 + r.nextInt(40)), Boolean.FALSE, null);
        }
        PriorAuthorization pa = priorAuthorization(r, m, date);
        return finish(r, m, claimId, lines, diagnoses, clinical, pa, rfaHistory(r, m, date));
    }

    /** What leads up to an RFA: positive diagnostic blocks (a first RFA) or an earlier RFA (a repeat). */
    private static List<HistoryEntry> rfaHistory(SplittableRandom r, Member m, LocalDate date) {
        List<HistoryEntry> out = new ArrayList<>();
        Region region = m.region();
        String level = region == Region.LUMBAR_SACRAL ? "L4-L5" : "C5-C6";
        int draw = r.nextInt(100);
        if (draw < 84) {
            LocalDate d = date;
            if (draw < 30) { // a repeat RFA: the previous one gave 50-95 % relief for 20-40 weeks
                d = date.minusDays(200 + r.nextInt(140));
                out.add(entry(r, d, region, Intent.RFA, level, 50 + r.nextInt(46), 20 + r.nextInt(21)));
            }
            int positives = m.profile().equals("COMMERCIAL") ? 1 : 2;
            for (int i = 0; i < positives; i++) {
                d = d.minusDays(14 + r.nextInt(30));
                out.add(entry(r, d, region, Intent.DIAGNOSTIC, level, 80 + r.nextInt(21), 0));
            }
            return out;
        }
        for (int i = 0, n = 1 + r.nextInt(3); i < n; i++) {
            LocalDate d = date.minusDays(20 + r.nextInt(330));
            Intent intent = r.nextInt(100) < 60 ? Intent.DIAGNOSTIC : Intent.RFA;
            Integer relief = r.nextInt(100) < 85 ? 10 * r.nextInt(11) : null;
            Integer weeks = intent == Intent.DIAGNOSTIC ? Integer.valueOf(0) : relief == null ? null : Integer.valueOf(r.nextInt(40));
            out.add(entry(r, d, region, intent, level, relief, weeks));
        }
        return out;
    }

    private void addRelated(SplittableRandom r, List<ClaimLine> lines, LocalDate date, boolean lumbar) {
        int draw = r.nextInt(100);
        if (draw < 5) {
            lines.add(line(lines.size() + 1, r.nextInt(100) < 80 ? "77003" : "77012", List.of(), 1, date, money(90, r)));
        } else if (draw < 6) {
            lines.add(line(lines.size() + 1, "76942", List.of(), 1, date, money(80, r)));
        }
        if (r.nextInt(100) < 6) {
            lines.add(line(lines.size() + 1, pick(r, SEDATION), List.of(), 1, date, money(120, r)));
        }
        if (r.nextInt(100) < 4) {
            lines.add(line(lines.size() + 1, pick(r, OTHER_BLOCKS), List.of(), 1, date, money(300, r)));
        }
        if (r.nextInt(100) < 2) {
            lines.add(line(lines.size() + 1, lumbar ? "64635" : "64633", List.of(), 1, date, money(900, r)));
        }
        if (r.nextInt(100) < 2) {
            lines.add(line(lines.size() + 1, lumbar ? "0216T" : "0213T", List.of(), 1, date, money(400, r)));
        }
    }

    private static List<String> diagnoses(SplittableRandom r, boolean lumbar) {
        int draw = r.nextInt(1000);
        if (draw < 5) {
            return List.of();
        }
        List<String> dx = new ArrayList<>();
        if (draw < 930) {
            dx.add(pick(r, lumbar ? LUMBAR_DX : CERVICAL_DX));
        } else if (draw < 960) {
            dx.add(pick(r, lumbar ? CERVICAL_DX : LUMBAR_DX));
        } else {
            dx.add(pick(r, UNCOVERED_DX));
        }
        if (r.nextInt(100) < 40) {
            dx.add(pick(r, UNCOVERED_DX));
        }
        return dx;
    }

    private static Clinical clinical(SplittableRandom r, boolean lumbar, boolean diagnostic, int levels,
            boolean bilateral, boolean right, boolean medicare) {
        if (r.nextInt(100) < 5) {
            return null;
        }
        int guidanceDraw = r.nextInt(100);
        Guidance guidance = guidanceDraw < 85 ? Guidance.FLUOROSCOPY : guidanceDraw < 92 ? Guidance.CT
                : guidanceDraw < 94 ? Guidance.ULTRASOUND : guidanceDraw < 96 ? Guidance.NONE : null;
        String[] names = lumbar ? LUMBAR_LEVELS : CERVICAL_LEVELS;
        int documented = r.nextInt(100) < 90 ? levels : Math.max(1, levels + (r.nextBoolean() ? 1 : -1));
        List<String> levelList = new ArrayList<>();
        int start = r.nextInt(names.length - Math.min(documented, names.length) + 1);
        for (int i = 0; i < documented && start + i < names.length; i++) {
            levelList.add(names[start + i]);
        }
        Laterality laterality = r.nextInt(100) < 92
                ? (bilateral ? Laterality.BILATERAL : right ? Laterality.RIGHT : Laterality.LEFT)
                : pick(r, Laterality.values());
        Integer duration = r.nextInt(100) < 6 ? null : 1 + r.nextInt(36);
        int careDraw = r.nextInt(100);
        Boolean careFailed = careDraw < 88 ? Boolean.TRUE : careDraw < 92 ? Boolean.FALSE : null;
        Scale pain = r.nextInt(100) < 96 ? new Scale("NRS", 4 + r.nextInt(7)) : null;
        Scale disability = r.nextInt(100) < 93 ? new Scale(lumbar ? "ODI" : "NDI", 20 + r.nextInt(50)) : null;
        Boolean radiculopathy = r.nextInt(100) < 3 ? Boolean.TRUE : r.nextInt(100) < 70 ? Boolean.FALSE : null;
        String rfaReason = !diagnostic && r.nextInt(100) < (medicare ? 88 : 30)
                ? pick(r, new String[] {"implanted device", "prior RFA failed", "patient preference"}) : null;
        Intent intent = r.nextInt(100) < 4 ? null : diagnostic ? Intent.DIAGNOSTIC : Intent.THERAPEUTIC;
        return new Clinical(intent, r.nextInt(100) < 85 ? Technique.MEDIAL_BRANCH_BLOCK : Technique.INTRA_ARTICULAR,
                guidance, levelList, laterality, duration, careFailed, pain, disability, radiculopathy, rfaReason);
    }

    private static PriorAuthorization priorAuthorization(SplittableRandom r, Member m, LocalDate date) {
        boolean needsIt = !m.medicare() || m.role() == ProviderRole.HOSPITAL_OUTPATIENT;
        if (!needsIt ? r.nextInt(100) >= 5 : r.nextInt(100) >= 88) {
            return null;
        }
        AuthDecision decision = r.nextInt(100) < 92 ? AuthDecision.AFFIRMED : AuthDecision.NON_AFFIRMED;
        LocalDate decided = date.minusDays(r.nextInt(100) < 95 ? r.nextInt(110) : 121 + r.nextInt(60));
        return new PriorAuthorization(String.format("UTN%011d", r.nextLong(100_000_000_000L)), decision, decided);
    }

    /**
     * The payer's history of the member, mostly coherent with the claim as it is in practice: a
     * therapeutic session usually follows positive diagnostic blocks (and, when repeated, a lasting
     * therapeutic one); a diagnostic one sometimes follows a positive first block. About one claim in
     * seven gets an arbitrary history instead, which is where the response and frequency edits fire.
     */
    private static List<HistoryEntry> history(SplittableRandom r, Region region, LocalDate date, boolean diagnostic,
            boolean medicare) {
        List<HistoryEntry> out = new ArrayList<>();
        String level = region == Region.LUMBAR_SACRAL ? "L4-L5" : "C5-C6";
        int draw = r.nextInt(100);
        if (draw < 86) {
            if (!diagnostic) {
                LocalDate d = date.minusDays(30 + r.nextInt(60));
                if (r.nextInt(100) < 40) {
                    out.add(entry(r, d, region, Intent.THERAPEUTIC, level, 50 + r.nextInt(45), 12 + r.nextInt(14)));
                    d = d.minusDays(90 + r.nextInt(60));
                }
                for (int i = 0; i < (medicare ? 2 : 1); i++) {
                    d = d.minusDays(14 + r.nextInt(30));
                    out.add(entry(r, d, region, Intent.DIAGNOSTIC, level, 80 + r.nextInt(21), 0));
                }
            } else if (draw < 30) {
                out.add(entry(r, date.minusDays(14 + r.nextInt(45)), region, Intent.DIAGNOSTIC, level,
                        80 + r.nextInt(21), 0));
            }
            return out;
        }
        int n = 1 + r.nextInt(3);
        LocalDate d = date;
        for (int i = 0; i < n; i++) {
            d = d.minusDays(20 + r.nextInt(120));
            int intentDraw = r.nextInt(100);
            Intent intent = intentDraw < 60 ? Intent.DIAGNOSTIC : intentDraw < 92 ? Intent.THERAPEUTIC : Intent.RFA;
            Region where = r.nextInt(100) < 90 ? region : region.other();
            Integer relief = r.nextInt(100) < 85 ? 10 * r.nextInt(11) : null;
            Integer weeks = intent == Intent.DIAGNOSTIC ? Integer.valueOf(0) : relief == null ? null : Integer.valueOf(r.nextInt(26));
            out.add(entry(r, d, where, intent, where == Region.LUMBAR_SACRAL ? "L4-L5" : "C5-C6", relief, weeks));
        }
        return out;
    }

    private static HistoryEntry entry(SplittableRandom r, LocalDate date, Region region, Intent intent, String level,
            Integer relief, Integer weeks) {
        return new HistoryEntry(date, region, intent, List.of(level), relief, weeks,
                r.nextInt(100) < 70 ? String.format("H-%09d", r.nextLong(1_000_000_000L)) : null);
    }

    private static ClaimLine line(int number, String code, List<String> modifiers, int units, LocalDate date,
            BigDecimal charge) {
        return new ClaimLine(number, code, modifiers, units, date, null, charge);
    }

    private static List<String> plus(List<String> list, String extra) {
        List<String> out = new ArrayList<>(list.size() + 1);
        out.add(extra);
        out.addAll(list);
        return out.size() > 4 ? out.subList(0, 4) : out;
    }

    private static BigDecimal money(int base, SplittableRandom r) {
        return BigDecimal.valueOf(base * 100L + r.nextInt(100), 2).setScale(2, RoundingMode.UNNECESSARY);
    }

    private static <T> T pick(SplittableRandom r, T[] options) {
        return options[r.nextInt(options.length)];
    }

    /** A well-spread 64-bit value from the seed and a number (the SplitMix64 finaliser). */
    static long mix(long seed, long n) {
        long z = seed * 0x9E3779B97F4A7C15L + n * 0xBF58476D1CE4E5B9L + 0x632BE59BD9B4E019L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
