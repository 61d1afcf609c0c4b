package org.claimrules.formats.fhir;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.claimrules.formats.Carrier;
import org.claimrules.formats.PayersTable;
import org.claimrules.io.Json;
import org.claimrules.io.RecordReader;
import org.claimrules.model.Payer;
import org.claimrules.model.result.ErrorCode;
import org.claimrules.model.result.ErrorRecord;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;

/**
 * Maps one FHIR R4 Claim to a claim of the project's format, following the usual US conventions
 * (README "Claims as FHIR R4" has the table), or to the error record that says what is missing.
 * Messages name the Claim's element ({@code item[1].servicedDate}) and never repeat member data or
 * diagnosis codes.
 */
final class ClaimMapper {

    private static final Set<String> CPT_HCPCS = Set.of("http://www.ama-assn.org/go/cpt", "urn:oid:2.16.840.1.113883.6.12",
            "urn:oid:2.16.840.1.113883.6.285", "https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets",
            "http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets");
    private static final Set<String> ICD10 = Set.of("http://hl7.org/fhir/sid/icd-10-cm", "http://hl7.org/fhir/sid/icd-10",
            "urn:oid:2.16.840.1.113883.6.90");
    private static final String BILL_TYPE = "https://www.cms.gov/codes/billtype";
    /** NUCC health care provider taxonomy, and its code for a critical access hospital (General Acute Care Hospital, Critical Access). */
    private static final String NUCC_TAXONOMY = "http://nucc.org/provider-taxonomy";
    private static final String CRITICAL_ACCESS_TAXONOMY = "282NC0060X";
    private static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
    /** v3 ActCode coverage types of private health plans. */
    private static final Set<String> PRIVATE_PLANS = Set.of("HIP", "HMO", "PPO", "POS");
    private static final Set<String> CLINICAL_FIELDS = Set.of("intent", "technique", "imagingGuidance", "levels",
            "laterality", "painDurationMonths", "conservativeCareFailed", "painScale", "disabilityScale",
            "untreatedRadiculopathy", "rfaNonCandidateReason");

    private final PayersTable payers;

    ClaimMapper(PayersTable payers) {
        this.payers = payers;
    }

    /** Why a Claim cannot be mapped. */
    private static final class Refused extends RuntimeException {
        final ErrorCode code;
        final String field;

        Refused(ErrorCode code, String field, String message) {
            super(message, null, false, false);
            this.code = code;
            this.field = field;
        }
    }

    /** A claim ID longer than this is not taken from a Claim (its error record names no claim). */
    static final int MAX_CLAIM_ID_CHARS = 100;

    RecordReader.Record map(Claim claim, Resolver resolver, long position) {
        String id = claimId(claim);
        Reply reply = null;
        String text;
        try {
            reply = reply(claim, resolver);
            text = Carrier.claimJson(Reply.KEY, reply, claimJson(claim, id, resolver).toString());
        } catch (Refused r) {
            text = Carrier.error(Reply.KEY, reply, ErrorRecord.of(id, r.code, r.getMessage(), r.field, position));
        } catch (RuntimeException e) {
            text = Carrier.error(Reply.KEY, reply, ErrorRecord.of(id, ErrorCode.INVALID_VALUE,
                    "the Claim cannot be read (" + e.getClass().getSimpleName() + ")", null, position));
        }
        return new RecordReader.Record(position, text, text.length());
    }

    static String claimId(Claim claim) {
        String id = claim.hasIdentifier() && claim.getIdentifierFirstRep().hasValue()
                ? claim.getIdentifierFirstRep().getValue()
                : claim.getIdElement().getIdPart();
        return id == null || id.length() > MAX_CLAIM_ID_CHARS ? null : id;
    }

    private ObjectNode claimJson(Claim claim, String id, Resolver resolver) {
        if (claim.getUse() != Claim.Use.CLAIM) {
            throw new Refused(ErrorCode.INVALID_VALUE, "use", "use is " + (claim.hasUse() ? claim.getUse().toCode() : "absent")
                    + ": only a claim (use 'claim') is scored, not a preauthorization or predetermination");
        }
        if (id == null) {
            throw new Refused(ErrorCode.MISSING_FIELD, "identifier", "the Claim has neither identifier[0].value nor an id "
                    + "(or it is longer than " + MAX_CLAIM_ID_CHARS + " characters)");
        }
        String role = role(claim);
        ObjectNode out = Json.mapper().createObjectNode();
        out.put("claimId", id);
        List<Claim.ItemComponent> items = claim.getItem();
        LocalDate firstDate = null;
        ArrayNode lines = out.arrayNode();
        Map<Integer, Integer> pointerOf = diagnoses(claim, out);
        if (items.isEmpty()) {
            throw new Refused(ErrorCode.MISSING_FIELD, "item", "the Claim has no item");
        }
        String place = null;
        for (int i = 0; i < items.size(); i++) {
            Claim.ItemComponent item = items.get(i);
            LocalDate date = serviceDate(item, i);
            firstDate = firstDate == null || date.isBefore(firstDate) ? date : firstDate;
            lines.add(line(item, i, date, pointerOf));
            if (place == null && item.hasLocationCodeableConcept() && item.getLocationCodeableConcept().hasCoding()) {
                place = carried(item.getLocationCodeableConcept().getCodingFirstRep().getCode(),
                        "item[" + i + "].locationCodeableConcept.coding[0].code");
            }
        }
        if (place == null) {
            throw new Refused(ErrorCode.MISSING_FIELD, "item[0].locationCodeableConcept",
                    "no item has a place of service (item.locationCodeableConcept)");
        }
        ObjectNode payer = out.putObject("payer");
        Payer p = payer(claim, resolver, firstDate);
        payer.put("profile", p.profile());
        if (p.mac() != null) {
            payer.put("mac", p.mac());
        }
        ObjectNode billing = out.putObject("billingProvider");
        String npi = npi(claim, resolver);
        if (npi != null) {
            billing.put("npi", npi);
        }
        billing.put("role", role);
        if (criticalAccess(claim, resolver)) {
            billing.put("criticalAccessHospital", true);
        }
        out.put("placeOfService", place);
        Claim.InsuranceComponent insurance = focal(claim);
        if (insurance != null && insurance.hasPreAuthRef()) {
            ObjectNode auth = out.putObject("priorAuthorization");
            auth.put("number", carried(insurance.getPreAuthRef().get(0).getValue(),
                    "insurance[" + claim.getInsurance().indexOf(insurance) + "].preAuthRef[0]"));
            auth.put("decision", "AFFIRMED");
        }
        out.set("patient", patient(claim, resolver, insurance));
        out.set("lines", lines);
        ObjectNode clinical = clinical(claim);
        if (clinical != null) {
            out.set("clinical", clinical);
        }
        return out;
    }

    /** Diagnoses in sequence order; returns the position (1-based) of each diagnosis sequence number. */
    private static Map<Integer, Integer> diagnoses(Claim claim, ObjectNode out) {
        List<Claim.DiagnosisComponent> sorted = new ArrayList<>(claim.getDiagnosis());
        sorted.sort(Comparator.comparingInt(Claim.DiagnosisComponent::getSequence));
        ArrayNode codes = out.putArray("diagnoses");
        Map<Integer, Integer> pointerOf = new HashMap<>();
        for (Claim.DiagnosisComponent dx : sorted) {
            int at = claim.getDiagnosis().indexOf(dx);
            String code = null;
            List<Coding> codings = dx.hasDiagnosisCodeableConcept() ? dx.getDiagnosisCodeableConcept().getCoding() : List.of();
            for (int j = 0; j < codings.size() && code == null; j++) {
                if (in(ICD10, codings.get(j).getSystem()) && codings.get(j).hasCode()) {
                    code = carried(codings.get(j).getCode(), "diagnosis[" + at + "].diagnosisCodeableConcept.coding[" + j + "].code");
                }
            }
            if (code == null) {
                throw new Refused(ErrorCode.INVALID_VALUE, "diagnosis[" + at + "]", "diagnosis[" + at
                        + "] has no ICD-10-CM coding (system http://hl7.org/fhir/sid/icd-10-cm)");
            }
            codes.add(code);
            pointerOf.put(dx.getSequence(), codes.size());
        }
        return pointerOf;
    }

    private static LocalDate serviceDate(Claim.ItemComponent item, int i) {
        Date date = item.hasServicedDateType() ? item.getServicedDateType().getValue()
                : item.hasServicedPeriod() ? item.getServicedPeriod().getStart() : null;
        if (date == null) {
            throw new Refused(ErrorCode.MISSING_FIELD, "item[" + i + "].servicedDate",
                    "item[" + i + "] has no servicedDate (nor servicedPeriod.start)");
        }
        String text = item.hasServicedDateType() ? item.getServicedDateType().getValueAsString()
                : item.getServicedPeriod().getStartElement().getValueAsString();
        return text.length() >= 10 ? LocalDate.parse(text.substring(0, 10))
                : date.toInstant().atZone(ZoneOffset.UTC).toLocalDate();
    }

    private static ObjectNode line(Claim.ItemComponent item, int i, LocalDate date, Map<Integer, Integer> pointerOf) {
        String at = "item[" + i + "]";
        ObjectNode line = Json.mapper().createObjectNode();
        line.put("lineNumber", item.getSequence());
        String code = null;
        List<Coding> codings = item.getProductOrService().getCoding();
        for (int j = 0; j < codings.size() && code == null; j++) {
            if (in(CPT_HCPCS, codings.get(j).getSystem()) && codings.get(j).hasCode()) {
                code = carried(codings.get(j).getCode(), at + ".productOrService.coding[" + j + "].code");
            }
        }
        if (code == null) {
            throw new Refused(ErrorCode.INVALID_VALUE, at + ".productOrService", at
                    + ".productOrService has no CPT or HCPCS coding (system http://www.ama-assn.org/go/cpt)");
        }
        line.put("procedureCode", code);
        ArrayNode modifiers = line.putArray("modifiers");
        for (int k = 0; k < item.getModifier().size(); k++) {
            CodeableConcept m = item.getModifier().get(k);
            if (m.hasCoding() && m.getCodingFirstRep().hasCode()) {
                modifiers.add(carried(m.getCodingFirstRep().getCode(), at + ".modifier[" + k + "].coding[0].code"));
            }
        }
        if (item.hasQuantity() && item.getQuantity().hasValue()) {
            BigDecimal q = item.getQuantity().getValue();
            try {
                line.put("units", q.stripTrailingZeros().intValueExact());
            } catch (ArithmeticException e) {
                throw new Refused(ErrorCode.INVALID_VALUE, at + ".quantity", at + ".quantity " + q.toPlainString()
                        + " is not a whole number of units");
            }
        } else {
            line.put("units", 1);
        }
        line.put("serviceDate", date.toString());
        if (item.hasDiagnosisSequence()) {
            ArrayNode pointers = line.putArray("diagnosisPointers");
            for (var seq : item.getDiagnosisSequence()) {
                Integer p = pointerOf.get(seq.getValue());
                // A sequence no diagnosis has points past the list, as in the JSON format.
                pointers.add(p != null ? p : pointerOf.size() + Math.max(1, seq.getValue()));
            }
        }
        if (item.hasNet() && item.getNet().hasValue()) {
            line.put("charge", carried(item.getNet().getValue(), at + ".net.value"));
        } else if (item.hasUnitPrice() && item.getUnitPrice().hasValue()) {
            line.put("charge", carried(item.getUnitPrice().getValue(), at + ".unitPrice.value"));
        }
        return line;
    }

    private static Claim.InsuranceComponent focal(Claim claim) {
        for (Claim.InsuranceComponent i : claim.getInsurance()) {
            if (i.getFocal()) {
                return i;
            }
        }
        return claim.hasInsurance() ? claim.getInsuranceFirstRep() : null;
    }

    private Payer payer(Claim claim, Resolver resolver, LocalDate firstDate) {
        Claim.InsuranceComponent insurance = focal(claim);
        Coverage coverage = insurance == null ? null : resolver.resolve(insurance.getCoverage(), Coverage.class);
        List<String> ids = new ArrayList<>();
        if (coverage != null) {
            for (Reference payor : coverage.getPayor()) {
                addIdentifier(ids, payor.getIdentifier());
                Organization org = resolver.resolve(payor, Organization.class);
                if (org != null) {
                    org.getIdentifier().forEach(id -> addIdentifier(ids, id));
                }
            }
        }
        addIdentifier(ids, claim.getInsurer().getIdentifier());
        Organization insurer = resolver.resolve(claim.getInsurer(), Organization.class);
        if (insurer != null) {
            insurer.getIdentifier().forEach(id -> addIdentifier(ids, id));
        }
        for (String id : ids) {
            Payer p = payers.lookup(id, firstDate);
            if (p != null) {
                return p;
            }
        }
        if (coverage != null) {
            for (Coding c : coverage.getType().getCoding()) {
                String code = c.getCode() == null ? "" : c.getCode();
                if (Fhir.SOPT.equals(c.getSystem()) && code.startsWith("1")) {
                    return new Payer("MEDICARE", null);
                }
                if (Fhir.SOPT.equals(c.getSystem()) && (code.startsWith("5") || code.startsWith("6"))
                        || ACT_CODE.equals(c.getSystem()) && PRIVATE_PLANS.contains(code)) {
                    return new Payer("COMMERCIAL", null);
                }
            }
        }
        String why = insurance == null ? "the Claim has no insurance"
                : coverage == null ? "its Coverage (" + shortened(insurance.getCoverage().getReference())
                        + ") is neither contained nor in the Bundle"
                : "no payor identifier is in " + PayersTable.PATH
                        + " and Coverage.type is not a Source of Payment Typology code (1: Medicare, 5 or 6: private)";
        throw new Refused(ErrorCode.UNKNOWN_PROFILE, "insurance", "no payer profile: " + why);
    }

    private static void addIdentifier(List<String> ids, Identifier id) {
        if (id != null && id.hasValue()) {
            ids.add(id.getValue());
        }
    }

    private static String npi(Claim claim, Resolver resolver) {
        Reference provider = claim.getProvider();
        if (provider.hasIdentifier() && Fhir.NPI.equals(provider.getIdentifier().getSystem())) {
            return carried(provider.getIdentifier().getValue(), "provider.identifier.value");
        }
        List<Identifier> ids = new ArrayList<>();
        Practitioner pr = resolver.resolve(provider, Practitioner.class);
        Organization org = resolver.resolve(provider, Organization.class);
        PractitionerRole role = resolver.resolve(provider, PractitionerRole.class);
        if (pr != null) {
            ids.addAll(pr.getIdentifier());
        }
        if (org != null) {
            ids.addAll(org.getIdentifier());
        }
        if (role != null) {
            ids.addAll(role.getIdentifier());
        }
        return carried(ids.stream().filter(i -> Fhir.NPI.equals(i.getSystem()) && i.hasValue()).map(Identifier::getValue)
                .findFirst().orElse(null), "provider");
    }

    private static String role(Claim claim) {
        String type = claim.getType().hasCoding() ? claim.getType().getCodingFirstRep().getCode() : null;
        if ("professional".equals(type)) {
            return "PRACTITIONER";
        }
        if ("institutional".equals(type)) {
            String bill = billType(claim);
            // 85x is a critical access hospital's outpatient claim: a hospital outpatient claim of such a hospital
            if (bill != null && (bill.startsWith("13") || bill.startsWith("85"))) {
                return "HOSPITAL_OUTPATIENT";
            }
            if (bill != null && bill.startsWith("83")) {
                return "ASC_FACILITY";
            }
            throw new Refused(ErrorCode.INVALID_VALUE, "subType", "an institutional claim is scored when its bill type "
                    + "(subType, " + BILL_TYPE + ") is 13x (hospital outpatient), 85x (critical access hospital "
                    + "outpatient) or 83x (ambulatory surgery), not " + (bill == null ? "absent" : shortened(bill)));
        }
        throw new Refused(ErrorCode.INVALID_VALUE, "type", "claim type " + (type == null ? "absent" : shortened(type))
                + " is not scored: only professional and institutional claims are");
    }

    /** The bill type of {@code subType} without its leading zero (831, 131, 851), or null. */
    private static String billType(Claim claim) {
        String bill = null;
        for (Coding c : claim.getSubType().getCoding()) {
            if (BILL_TYPE.equals(c.getSystem()) && c.hasCode()) {
                bill = c.getCode().replaceFirst("^0", "");
            }
        }
        return bill;
    }

    /**
     * A critical access hospital bills: an institutional claim of bill type 85x, or a provider
     * (the Organization, or a PractitionerRole's Organization) whose {@code type} has the NUCC
     * taxonomy code 282NC0060X.
     */
    private static boolean criticalAccess(Claim claim, Resolver resolver) {
        if (claim.getType().hasCoding() && "institutional".equals(claim.getType().getCodingFirstRep().getCode())
                && billType(claim) != null && billType(claim).startsWith("85")) {
            return true;
        }
        Organization org = resolver.resolve(claim.getProvider(), Organization.class);
        PractitionerRole role = resolver.resolve(claim.getProvider(), PractitionerRole.class);
        if (org == null && role != null) {
            org = resolver.resolve(role.getOrganization(), Organization.class);
        }
        return org != null && org.getType().stream().flatMap(t -> t.getCoding().stream())
                .anyMatch(c -> NUCC_TAXONOMY.equals(c.getSystem()) && CRITICAL_ACCESS_TAXONOMY.equals(c.getCode()));
    }

    private static ObjectNode patient(Claim claim, Resolver resolver, Claim.InsuranceComponent insurance) {
        Patient patient = resolver.resolve(claim.getPatient(), Patient.class);
        Coverage coverage = insurance == null ? null : resolver.resolve(insurance.getCoverage(), Coverage.class);
        String member = null;
        if (patient != null) {
            member = carried(memberIdentifier(patient.getIdentifier()), "patient");
        }
        if (member == null && claim.getPatient().hasIdentifier()) {
            member = carried(claim.getPatient().getIdentifier().getValue(), "patient.identifier.value");
        }
        if (member == null && coverage != null) {
            member = carried(coverage.hasSubscriberId() ? coverage.getSubscriberId() : memberIdentifier(coverage.getIdentifier()),
                    "insurance[" + claim.getInsurance().indexOf(insurance) + "].coverage");
        }
        if (member == null) {
            throw new Refused(ErrorCode.MISSING_FIELD, "patient", "no member ID: the patient is neither contained nor in "
                    + "the Bundle with an identifier, and the coverage has no subscriberId or identifier");
        }
        ObjectNode out = Json.mapper().createObjectNode();
        out.put("memberId", member);
        if (patient != null && patient.hasBirthDate()) {
            out.put("birthDate", patient.getBirthDateElement().getValueAsString());
        }
        if (patient != null && patient.hasGender()) {
            out.put("sex", switch (patient.getGender()) {
                case FEMALE -> "F";
                case MALE -> "M";
                default -> "U";
            });
        }
        return out;
    }

    /** The member number (identifier type MB) when one is marked, else the first identifier. */
    private static String memberIdentifier(List<Identifier> ids) {
        for (Identifier id : ids) {
            if (id.hasValue() && id.getType().getCoding().stream().anyMatch(c -> "MB".equals(c.getCode()))) {
                return id.getValue();
            }
        }
        return ids.stream().filter(Identifier::hasValue).map(Identifier::getValue).findFirst().orElse(null);
    }

    /**
     * The documentation: each {@code supportingInfo} whose {@code code} is in {@link Fhir#CLINICAL}
     * gives the clinical field of that name its value ({@code valueString}, {@code valueBoolean},
     * {@code valueQuantity}; a scale's name is the quantity's unit). Levels may repeat.
     */
    private static ObjectNode clinical(Claim claim) {
        ObjectNode out = null;
        for (int i = 0; i < claim.getSupportingInfo().size(); i++) {
            Claim.SupportingInformationComponent info = claim.getSupportingInfo().get(i);
            Coding code = info.getCode().getCoding().stream().filter(c -> Fhir.CLINICAL.equals(c.getSystem()))
                    .findFirst().orElse(null);
            if (code == null) {
                continue;
            }
            String field = code.getCode();
            if (!CLINICAL_FIELDS.contains(field)) {
                throw new Refused(ErrorCode.INVALID_VALUE, "supportingInfo[" + i + "].code", "supportingInfo[" + i
                        + "]: '" + shortened(String.valueOf(field)) + "' is not a documented element; known: " + CLINICAL_FIELDS);
            }
            out = out == null ? Json.mapper().createObjectNode() : out;
            if (info.hasValueBooleanType()) {
                out.put(field, info.getValueBooleanType().booleanValue());
            } else if (info.hasValueQuantity() && ("painScale".equals(field) || "disabilityScale".equals(field))) {
                ObjectNode scale = out.putObject(field);
                scale.put("name", carried(info.getValueQuantity().getUnit(), "supportingInfo[" + i + "].valueQuantity.unit"));
                putNumber(scale, "baseline", carried(info.getValueQuantity().getValue(), "supportingInfo[" + i + "].valueQuantity.value"));
            } else if (info.hasValueQuantity()) {
                putNumber(out, field, carried(info.getValueQuantity().getValue(), "supportingInfo[" + i + "].valueQuantity.value"));
            } else if (info.hasValueStringType()) {
                String value = carried(info.getValueStringType().getValue(), "supportingInfo[" + i + "].valueString");
                if ("levels".equals(field)) {
                    ArrayNode levels = out.has("levels") ? (ArrayNode) out.get("levels") : out.putArray("levels");
                    for (String level : value.trim().split("[\\s,]+")) {
                        levels.add(level);
                    }
                } else {
                    out.put(field, "rfaNonCandidateReason".equals(field) ? value : value.toUpperCase(Locale.ROOT));
                }
            } else {
                throw new Refused(ErrorCode.INVALID_VALUE, "supportingInfo[" + i + "].value", "supportingInfo[" + i
                        + "] (" + field + ") has no valueString, valueBoolean or valueQuantity");
            }
        }
        return out;
    }

    private static void putNumber(ObjectNode node, String field, BigDecimal value) {
        if (value == null) {
            return;
        }
        try {
            node.put(field, value.stripTrailingZeros().intValueExact());
        } catch (ArithmeticException e) {
            node.put(field, value);
        }
    }

    /** The reply context; its strings are carried with the record, so they are bounded like the claim's. */
    private static Reply reply(Claim claim, Resolver resolver) {
        String request = claim.getIdElement().hasIdPart() ? "Claim/" + carried(claim.getIdElement().getIdPart(), "id") : null;
        String type = claim.getType().hasCoding() ? claim.getType().getCodingFirstRep().getCode() : null;
        Reference patient = claim.getPatient();
        String patientRef = patient.hasReference() && !patient.getReference().startsWith("#") ? patient.getReference() : null;
        Identifier pid = patient.hasIdentifier() ? patient.getIdentifier() : null;
        Patient resolved = resolver.resolve(patient, Patient.class);
        if (pid == null && resolved != null && resolved.hasIdentifier()) {
            pid = resolved.getIdentifierFirstRep();
        }
        Reference insurer = claim.getInsurer();
        String insurerRef = insurer.hasReference() && !insurer.getReference().startsWith("#") ? insurer.getReference() : null;
        Identifier iid = insurer.hasIdentifier() ? insurer.getIdentifier() : null;
        String patientAt = patient.hasIdentifier() ? "patient.identifier" : "patient";
        return new Reply(request, carried(type, "type.coding[0].code"), carried(patientRef, "patient.reference"),
                pid == null ? null : carried(pid.getSystem(), patientAt),
                pid == null ? null : carried(pid.getValue(), patientAt), carried(insurerRef, "insurer.reference"),
                iid == null ? null : carried(iid.getSystem(), "insurer.identifier.system"),
                iid == null ? null : carried(iid.getValue(), "insurer.identifier.value"),
                insurer.hasDisplay() ? carried(insurer.getDisplay(), "insurer.display") : null);
    }

    /**
     * A string the claim record carries: one longer than the claim reader accepts is refused here,
     * as TOO_LARGE of the FHIR element it came from (the reader would name the model's field).
     */
    static String carried(String value, String path) {
        if (value != null && value.length() > Json.MAX_STRING_CHARS) {
            throw new Refused(ErrorCode.TOO_LARGE, path, path + " has more than " + Json.MAX_STRING_CHARS + " characters");
        }
        return value;
    }

    /** The same for a number: longer than the claim reader accepts, as written in the record. */
    private static BigDecimal carried(BigDecimal value, String path) {
        if (value != null && value.toString().length() > Json.MAX_NUMBER_CHARS) {
            throw new Refused(ErrorCode.TOO_LARGE, path, path + " has more than " + Json.MAX_NUMBER_CHARS + " characters");
        }
        return value;
    }

    private static boolean in(Set<String> systems, String system) {
        return system != null && systems.contains(system);
    }

    static String shortened(String s) {
        return s == null ? "" : s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }

    /**
     * A parser's message in plain words: the element at fault when the parser names it, never the
     * value (it may be a patient's), without HAPI's message code.
     */
    static String plain(String message) {
        if (message == null) {
            return "it cannot be parsed";
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\[element=\"([^\"]{1,60})\"\\]").matcher(message);
        if (m.find()) {
            return "element " + m.group(1) + " has a value its FHIR type does not allow";
        }
        String first = message.replaceFirst("^HAPI-\\d+: ", "").lines().findFirst().orElse("");
        first = first.replaceAll("\"[^\"]*\"", "\"...\"").replaceAll("'[^']*'", "'...'");
        return first.length() <= 200 ? first : first.substring(0, 200) + "...";
    }
}
