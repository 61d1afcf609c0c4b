package org.claimrules.formats.x12;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.claimrules.formats.Carrier;
import org.claimrules.formats.PayersTable;
import org.claimrules.model.AuthDecision;
import org.claimrules.model.BillingProvider;
import org.claimrules.model.Claim;
import org.claimrules.model.ClaimLine;
import org.claimrules.model.Patient;
import org.claimrules.model.Payer;
import org.claimrules.model.PriorAuthorization;
import org.claimrules.model.ProviderRole;
import org.claimrules.model.result.ErrorCode;
import org.claimrules.model.result.ErrorRecord;

/**
 * Turns the segments of 837P transactions, in file order, into one record per claim (loop 2300):
 * a claim of the project's format, or an error record naming the segment at fault. The claim
 * takes its member and payer from the subscriber and patient levels above it and its provider
 * from the billing provider level (README "Claims as X12 837P" has the mapping). A problem found
 * in a level is the problem of every claim under it.
 */
final class ClaimAssembler {

    /**
     * Receives each record: the position of its CLM segment (or of the segment at fault), its text,
     * and what makes the claim a duplicate ({@link #claimKey}; null when the claim ID is not known).
     */
    interface Sink {
        void record(long position, String text, String claimKey);
    }

    /**
     * A claim is a duplicate of an earlier one with the same CLM01 in the same transaction (ST02)
     * of the same interchange: a transaction or interchange sent twice. An interchange is its
     * sender (ISA05 qualifier and ISA06 ID, {@link #sender}) and control number (ISA13): each
     * sender numbers its own interchanges, so two senders may use one ISA13. CLM01 is the
     * provider's patient control number and may repeat in other transactions of a file.
     */
    static String claimKey(String sender, String interchange, String transaction, String claimId) {
        return claimId == null ? null
                : sender + '\u001F' + interchange + '\u001F' + transaction + '\u001F' + claimId;
    }

    /** The interchange sender as ISA05 and ISA06 say it, without ISA06's padding ({@code ZZ:SUBMITTER}). */
    static String sender(String qualifier, String id) {
        return qualifier == null && id == null ? null : (qualifier == null ? "" : qualifier.trim()) + ':'
                + (id == null ? "" : id.trim());
    }

    static final String KEY = "source";
    private static final DateTimeFormatter D8 = DateTimeFormatter.BASIC_ISO_DATE;
    private static final String ASC_TAXONOMY = "261QA1903X";
    /** NUCC taxonomy General Acute Care Hospital, Critical Access (2000A PRV03): billingProvider.criticalAccessHospital. */
    private static final String CRITICAL_ACCESS_TAXONOMY = "282NC0060X";
    private static final Set<String> COMMERCIAL_FILING = Set.of("CI", "BL", "HM", "12", "13", "14", "15", "16");
    private static final int MAX_LINES = 999;
    private static final int MAX_DIAGNOSES = 99;

    private final PayersTable payers;
    private final Sink sink;

    private String sender;
    private String interchange;
    private String transaction;
    private X12Problem interchangeProblem;
    private X12Problem groupProblem;
    private X12Problem transactionProblem;
    private int claimIndex;

    private Level billing;
    private Level subscriber;
    private Level patient;
    /** The level whose NM1 a DMG follows: subscriber or patient. */
    private Level named;
    private Draft claim;
    private Draft.Line line;

    ClaimAssembler(PayersTable payers, Sink sink) {
        this.payers = payers;
        this.sink = sink;
    }

    /** A hierarchical level (HL) and what the mapping takes from it. */
    private static final class Level {
        X12Problem problem;
        String npi;
        String taxonomy;
        String memberId;
        String birthDate;
        String sex;
        String payerId;
        String filingIndicator;
    }

    /** An interchange starts: its control number (ISA13) and sender ({@link #sender}); null when not known. */
    void startInterchange(String control, String sender) {
        this.sender = sender;
        interchange = control;
        interchangeProblem = null;
    }

    void interchangeProblem(X12Problem p) {
        interchangeProblem = first(interchangeProblem, p);
    }

    void startGroup(Segment gs) {
        String version = gs.get(8);
        groupProblem = version.startsWith("005010X222") ? null : X12Problem.at(gs, "08", ErrorCode.INVALID_VALUE,
                "version " + version + " is not an 837P (005010X222, 005010X222A1 or 005010X222A2)");
    }

    void groupProblem(X12Problem p) {
        groupProblem = first(groupProblem, p);
    }

    void startTransaction(String control) {
        transaction = control;
        transactionProblem = null;
        claimIndex = 0;
        billing = subscriber = patient = named = null;
        claim = null;
        line = null;
    }

    /** A problem StAEDI or the mapping found, charged to the innermost level open now. */
    void problem(X12Problem p) {
        if (claim != null) {
            claim.problem = first(claim.problem, p);
        } else if (patient != null) {
            patient.problem = first(patient.problem, p);
        } else if (subscriber != null) {
            subscriber.problem = first(subscriber.problem, p);
        } else if (billing != null) {
            billing.problem = first(billing.problem, p);
        } else {
            transactionProblem = first(transactionProblem, p);
        }
    }

    /** The transaction ends (SE, or the reader lost it): its last claim is complete. */
    void endTransaction() {
        flush();
        transaction = null;
    }

    /** The claim still open, if any, gets {@code p} (the file broke here); returns whether there was one. */
    boolean abandon(X12Problem p) {
        if (claim == null) {
            return false;
        }
        claim.problem = first(claim.problem, p);
        flush();
        return true;
    }

    /** A CLM seen only by the recovery scan after the reader broke: an error record in its place. */
    void unreadableClaim(String claimId, X12Problem p) {
        claimIndex++;
        emit(claimId, claimIndex, p);
    }

    /** A part of the file that holds no readable claim: one error record so that it is not passed over silently. */
    void unreadablePart(X12Problem p) {
        sink.record(p.position(), Carrier.error(KEY, transaction == null ? null : new X12Source(interchange, transaction, null),
                ErrorRecord.of(null, p.code(), p.message(), p.field(), p.position())), null);
    }

    void segment(Segment s) {
        switch (s.tag) {
            case "HL" -> level(s);
            case "PRV" -> { if (claim == null && billing != null && subscriber == null) billing.taxonomy = s.get(3); }
            case "SBR" -> { if (claim == null && subscriber != null) subscriber.filingIndicator = s.get(9); }
            case "NM1" -> name(s);
            case "DMG" -> { if (claim == null && named != null) { named.birthDate = s.get(2); named.sex = s.get(3); } }
            case "CLM" -> claim(s);
            case "REF" -> { if (claim != null && line == null && "G1".equals(s.get(1))) claim.priorAuth = s.get(2); }
            case "HI" -> { if (claim != null && line == null) diagnoses(s); }
            case "LX" -> serviceLine(s);
            case "SV1" -> { if (line != null) professionalService(s); }
            case "DTP" -> { if (line != null && "472".equals(s.get(1))) serviceDate(s); }
            default -> { }
        }
    }

    private void level(Segment s) {
        flush();
        named = null;
        Level level = new Level();
        switch (s.get(3)) {
            case "20" -> { billing = level; subscriber = null; patient = null; }
            case "22" -> { subscriber = level; patient = null; }
            case "23" -> patient = level;
            default -> {
                // Not a level of the 837P: the claims under it cannot be placed.
                patient = level;
                level.problem = X12Problem.at(s, "03", ErrorCode.INVALID_VALUE,
                        "hierarchical level code " + s.get(3) + " is not one of the 837P's (20, 22, 23)");
            }
        }
    }

    private void name(Segment s) {
        if (claim != null) {
            return; // providers and other payers of the claim (loops 2310, 2330, 2420): not mapped
        }
        String entity = s.get(1);
        named = null;
        if ("85".equals(entity) && billing != null && subscriber == null) {
            billing.npi = "XX".equals(s.get(8)) ? s.get(9) : null;
        } else if ("IL".equals(entity) && subscriber != null && patient == null) {
            subscriber.memberId = s.get(9);
            named = subscriber;
        } else if ("PR".equals(entity) && subscriber != null) {
            subscriber.payerId = s.get(9);
        } else if ("QC".equals(entity) && patient != null) {
            named = patient;
        }
    }

    private void claim(Segment s) {
        flush();
        claimIndex++;
        claim = new Draft(s.get(1), s.position, claimIndex);
        claim.placeOfService = s.get(5, 1);
    }

    private void diagnoses(Segment s) {
        for (int i = 1; i <= s.size(); i++) {
            String qualifier = s.get(i, 1);
            String code = s.get(i, 2);
            switch (qualifier) {
                case "ABK", "ABF" -> {
                    if (code.isEmpty()) {
                        claim.problem = first(claim.problem, X12Problem.at(s, element(i, 2), ErrorCode.MISSING_FIELD,
                                "the diagnosis code is missing"));
                    } else if ("ABK".equals(qualifier)) {
                        claim.diagnoses.add(0, code);
                    } else {
                        claim.diagnoses.add(code);
                    }
                }
                case "BK", "BF" -> claim.problem = first(claim.problem, X12Problem.at(s, element(i, 1),
                        ErrorCode.INVALID_VALUE, "qualifier " + qualifier + " is an ICD-9-CM diagnosis; only ICD-10-CM (ABK, ABF) is read"));
                default -> {
                    // other code lists of HI (anesthesia, condition codes...): not diagnoses
                }
            }
        }
        if (claim.diagnoses.size() > MAX_DIAGNOSES) {
            claim.problem = first(claim.problem, X12Problem.at(s, null, ErrorCode.TOO_LARGE,
                    "the claim has more than " + MAX_DIAGNOSES + " diagnoses"));
        }
    }

    private void serviceLine(Segment s) {
        if (claim == null) {
            return; // out of place: StAEDI reports it against the level
        }
        if (claim.lines.size() >= MAX_LINES) {
            claim.problem = first(claim.problem, X12Problem.at(s, null, ErrorCode.TOO_LARGE,
                    "the claim has more than " + MAX_LINES + " service lines"));
            line = null;
            return;
        }
        line = new Draft.Line(s);
        try {
            line.number = Integer.valueOf(s.get(1));
        } catch (NumberFormatException e) {
            claim.problem = first(claim.problem, X12Problem.at(s, "01", ErrorCode.INVALID_VALUE,
                    "the line number '" + shortened(s.get(1)) + "' is not a whole number"));
        }
        claim.lines.add(line);
    }

    private void professionalService(Segment s) {
        line.service = s;
        if (!"HC".equals(s.get(1, 1))) {
            claim.problem = first(claim.problem, X12Problem.at(s, "01-1", ErrorCode.INVALID_VALUE,
                    "product qualifier '" + shortened(s.get(1, 1)) + "' is not HC (CPT/HCPCS)"));
        }
        line.code = s.get(1, 2);
        for (int c = 3; c <= 6; c++) {
            if (!s.get(1, c).isEmpty()) {
                line.modifiers.add(s.get(1, c));
            }
        }
        line.charge = decimal(s, 2);
        if (!"UN".equals(s.get(3))) {
            claim.problem = first(claim.problem, X12Problem.at(s, "03", ErrorCode.INVALID_VALUE,
                    "unit of measure '" + shortened(s.get(3)) + "' is not UN (units)"));
        }
        BigDecimal units = decimal(s, 4);
        if (units != null) {
            try {
                line.units = units.stripTrailingZeros().intValueExact();
            } catch (ArithmeticException e) {
                claim.problem = first(claim.problem, X12Problem.at(s, "04", ErrorCode.INVALID_VALUE,
                        "units " + shortened(s.get(4)) + " are not a whole number"));
            }
        }
        if (s.components(7) > 0) {
            line.pointers = new ArrayList<>();
            for (int c = 1; c <= s.components(7); c++) {
                String p = s.get(7, c);
                if (p.isEmpty()) {
                    continue;
                }
                try {
                    line.pointers.add(Integer.valueOf(p));
                } catch (NumberFormatException e) {
                    claim.problem = first(claim.problem, X12Problem.at(s, element(7, c), ErrorCode.INVALID_VALUE,
                            "diagnosis pointer '" + shortened(p) + "' is not a whole number"));
                }
            }
        }
    }

    private void serviceDate(Segment s) {
        String format = s.get(2);
        String value = s.get(3);
        String first = "RD8".equals(format) ? value.split("-", 2)[0] : value;
        if (!"D8".equals(format) && !"RD8".equals(format)) {
            claim.problem = first(claim.problem, X12Problem.at(s, "02", ErrorCode.INVALID_VALUE,
                    "date format '" + shortened(format) + "' is not D8 or RD8"));
            return;
        }
        try {
            line.serviceDate = LocalDate.parse(first, D8);
        } catch (DateTimeParseException e) {
            claim.problem = first(claim.problem, X12Problem.at(s, "03", ErrorCode.INVALID_VALUE,
                    "'" + shortened(value) + "' is not a date (CCYYMMDD" + ("RD8".equals(format) ? "-CCYYMMDD" : "") + ")"));
        }
    }

    private BigDecimal decimal(Segment s, int element) {
        String text = s.get(element);
        if (text.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            claim.problem = first(claim.problem, X12Problem.at(s, String.format("%02d", element), ErrorCode.INVALID_VALUE,
                    "'" + shortened(text) + "' is not a number"));
            return null;
        }
    }

    /** Writes the open claim, if any, as a claim or an error record. */
    private void flush() {
        Draft d = claim;
        claim = null;
        line = null;
        if (d == null) {
            return;
        }
        X12Problem p = firstOf(interchangeProblem, groupProblem, transactionProblem,
                billing == null ? null : billing.problem, subscriber == null ? null : subscriber.problem,
                patient == null ? null : patient.problem, d.problem);
        if (p == null) {
            p = completeness(d);
        }
        if (p != null) {
            emit(d.id, d.index, p);
            return;
        }
        LocalDate first = d.lines.stream().map(l -> l.serviceDate).min(Comparator.naturalOrder()).orElse(null);
        Payer payer = payers.lookup(subscriber.payerId, first);
        if (payer == null) {
            payer = fromFilingIndicator(subscriber.filingIndicator);
        }
        if (payer == null) {
            emit(d.id, d.index, new X12Problem(ErrorCode.UNKNOWN_PROFILE, "SBR09", d.position, "CLM (segment "
                    + d.position + "): the payer ID (2010BB NM109) is not in " + PayersTable.PATH
                    + " and the claim filing indicator '" + shortened(nullToEmpty(subscriber.filingIndicator))
                    + "' (SBR09) names no profile (MB: MEDICARE; CI, BL, HM, 12-16: COMMERCIAL)"));
            return;
        }
        Level member = patient != null ? patient : subscriber;
        String memberId = patient != null ? subscriber.memberId + ":" + nullToEmpty(patient.birthDate) : subscriber.memberId;
        Claim c = new Claim(d.id, payer,
                new BillingProvider(blankToNull(billing.npi),
                        ASC_TAXONOMY.equals(billing.taxonomy) ? ProviderRole.ASC_FACILITY : ProviderRole.PRACTITIONER, null,
                        CRITICAL_ACCESS_TAXONOMY.equals(billing.taxonomy) ? Boolean.TRUE : null),
                blankToNull(d.placeOfService),
                d.priorAuth == null || d.priorAuth.isEmpty() ? null
                        : new PriorAuthorization(d.priorAuth, AuthDecision.AFFIRMED, null),
                new Patient(memberId, birthDate(member.birthDate), blankToNull(member.sex)),
                d.diagnoses,
                d.lines.stream().map(l -> new ClaimLine(l.number, l.code, l.modifiers, l.units, l.serviceDate,
                        l.pointers, l.charge)).toList(),
                null, null);
        sink.record(d.position, Carrier.claim(KEY, new X12Source(interchange, transaction, d.index), c),
                claimKey(sender, interchange, transaction, c.claimId()));
    }

    /** What the mapping needs and the schema cannot require, checked once the claim is complete. */
    private X12Problem completeness(Draft d) {
        if (billing == null || subscriber == null) {
            return new X12Problem(ErrorCode.MISSING_FIELD, "HL", d.position, "CLM (segment " + d.position
                    + "): the claim is not under a billing provider (HL 20) and a subscriber (HL 22)");
        }
        if (subscriber.memberId == null || subscriber.memberId.isEmpty()) {
            return new X12Problem(ErrorCode.MISSING_FIELD, "NM109", d.position, "CLM (segment " + d.position
                    + "): the subscriber has no member ID (loop 2010BA NM1*IL, NM109)");
        }
        if (patient != null && (patient.birthDate == null || patient.birthDate.isEmpty())) {
            return new X12Problem(ErrorCode.MISSING_FIELD, "DMG02", d.position, "CLM (segment " + d.position
                    + "): the patient is not the subscriber and has no birth date (loop 2010CA DMG02), which identifies the member");
        }
        if (patient != null && birthDate(patient.birthDate) == null || patient == null && subscriber.birthDate != null
                && !subscriber.birthDate.isEmpty() && birthDate(subscriber.birthDate) == null) {
            return new X12Problem(ErrorCode.INVALID_VALUE, "DMG02", d.position, "CLM (segment " + d.position
                    + "): the patient's birth date (DMG02) is not a date (CCYYMMDD)");
        }
        if (d.lines.isEmpty()) {
            return new X12Problem(ErrorCode.MISSING_FIELD, "LX", d.position, "CLM (segment " + d.position
                    + "): the claim has no service line (LX, SV1)");
        }
        for (Draft.Line l : d.lines) {
            if (l.service == null) {
                return X12Problem.at(l.lx, null, ErrorCode.MISSING_FIELD, "service line " + l.lx.get(1)
                        + " has no professional service (SV1)");
            }
            if (l.serviceDate == null) {
                return X12Problem.at(l.lx, null, ErrorCode.MISSING_FIELD, "service line " + l.lx.get(1)
                        + " has no service date (DTP*472)");
            }
        }
        return null;
    }

    private static Payer fromFilingIndicator(String sbr09) {
        if ("MB".equals(sbr09)) {
            return new Payer("MEDICARE", null);
        }
        return sbr09 != null && COMMERCIAL_FILING.contains(sbr09) ? new Payer("COMMERCIAL", null) : null;
    }

    private void emit(String claimId, int index, X12Problem p) {
        String id = claimId == null || claimId.isEmpty() || claimId.length() > 100
                || claimId.indexOf(X12Guard.NOT_UTF8) >= 0 || claimId.indexOf(X12Guard.TOO_LONG) >= 0 ? null : claimId;
        ErrorRecord error = ErrorRecord.of(id, p.code(), p.message(), p.field(), p.position());
        sink.record(p.position(), Carrier.error(KEY, new X12Source(interchange, transaction, index), error),
                claimKey(sender, interchange, transaction, id));
    }

    private static LocalDate birthDate(String d8) {
        if (d8 == null || d8.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(d8, D8);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String element(int element, int component) {
        return String.format("%02d-%d", element, component);
    }

    private static X12Problem first(X12Problem current, X12Problem candidate) {
        return current != null ? current : candidate;
    }

    private static X12Problem firstOf(X12Problem... problems) {
        for (X12Problem p : problems) {
            if (p != null) {
                return p;
            }
        }
        return null;
    }

    static String shortened(String s) {
        return s.length() <= 20 ? s : s.substring(0, 20) + "...";
    }

    private static String nullToEmpty(String s) {
        return Objects.requireNonNullElse(s, "");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** A claim being read: CLM and everything under it up to the next CLM, HL or SE. */
    private static final class Draft {
        final String id;
        final long position;
        final int index;
        String placeOfService;
        String priorAuth;
        final List<String> diagnoses = new ArrayList<>();
        final List<Line> lines = new ArrayList<>();
        X12Problem problem;

        Draft(String id, long position, int index) {
            this.id = id;
            this.position = position;
            this.index = index;
        }

        static final class Line {
            final Segment lx;
            Segment service;
            Integer number;
            String code;
            final List<String> modifiers = new ArrayList<>(4);
            BigDecimal charge;
            Integer units;
            List<Integer> pointers;
            LocalDate serviceDate;

            Line(Segment lx) {
                this.lx = lx;
            }
        }
    }
}
