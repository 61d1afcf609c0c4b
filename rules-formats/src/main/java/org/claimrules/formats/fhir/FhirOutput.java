package org.claimrules.formats.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.claimrules.batch.OutcomeWriter;
import org.claimrules.formats.Carrier;
import org.claimrules.io.Json;
import org.claimrules.model.result.ClaimResult;
import org.claimrules.model.result.Edit;
import org.claimrules.model.result.ErrorRecord;
import org.claimrules.model.result.LineResult;
import org.claimrules.model.result.Outcome;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.PositiveIntType;
import org.hl7.fhir.r4.model.Reference;

/**
 * Writes each outcome as one FHIR R4 ClaimResponse (NDJSON). A result is {@code outcome: complete}
 * with the disposition, each line as an {@code item} (its status as an adjudication, the CARC of
 * each DENY or RTP edit as an adjudication reason) and each edit as a process note tied to its
 * item (edit ID, severity and message; the RARC as a note of its own). An error record is
 * {@code outcome: error} with the error code and message. Patient, insurer and type are those the
 * Claim named; for claims that did not come as FHIR, the member ID and the payer profile.
 */
public final class FhirOutput implements OutcomeWriter {

    private final Date created;

    /** {@code created}: the date every ClaimResponse of the run carries (the run's date). */
    public FhirOutput(LocalDate created) {
        this.created = Date.from(created.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    @Override
    public byte[] line(Outcome outcome, String recordText) {
        Reply reply = reply(recordText);
        ClaimResponse r = new ClaimResponse();
        r.setStatus(ClaimResponse.ClaimResponseStatus.ACTIVE);
        r.setUse(ClaimResponse.Use.CLAIM);
        r.setType(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/claim-type",
                reply.type() != null ? reply.type() : "professional", null)));
        r.setCreatedElement(new org.hl7.fhir.r4.model.DateTimeType(created, ca.uhn.fhir.model.api.TemporalPrecisionEnum.DAY));
        r.setPatient(reference(reply.patientReference(), reply.patientSystem(), reply.patientValue(), null));
        r.setInsurer(reference(reply.insurerReference(), reply.insurerSystem(), reply.insurerValue(),
                reply.insurerDisplay() != null ? reply.insurerDisplay() : "payer"));
        if (reply.request() != null) {
            r.setRequest(new Reference(reply.request()));
        }
        if (outcome.claimId() != null) {
            r.addIdentifier(new Identifier().setSystem(Fhir.BASE + "claim-id").setValue(outcome.claimId()));
        }
        if (outcome instanceof ClaimResult result) {
            complete(r, result);
        } else {
            error(r, (ErrorRecord) outcome);
        }
        return Fhir.context().newJsonParser().encodeResourceToString(r).getBytes(StandardCharsets.UTF_8);
    }

    private static void complete(ClaimResponse r, ClaimResult result) {
        r.setOutcome(ClaimResponse.RemittanceOutcome.COMPLETE);
        r.setDisposition(result.disposition().name());
        r.addExtension(Fhir.BASE + "ruleset-version", new org.hl7.fhir.r4.model.StringType(result.rulesetVersion()));
        for (LineResult line : result.lines()) {
            ClaimResponse.ItemComponent item = r.addItem().setItemSequence(line.lineNumber());
            ClaimResponse.AdjudicationComponent status = item.addAdjudication()
                    .setCategory(new CodeableConcept(new Coding(Fhir.LINE_STATUS, line.status().name(), null)));
            if (line.expectedAllowed() != null) {
                status.setAmount(new Money().setValue(line.expectedAllowed()).setCurrency("USD"));
            }
        }
        for (Edit edit : result.edits()) {
            ClaimResponse.ItemComponent item = edit.lineNumber() == null ? null : item(r, edit.lineNumber());
            int note = note(r, edit.editId() + " (" + edit.severity() + "): " + edit.message());
            if (edit.carc() != null) {
                ClaimResponse.AdjudicationComponent a = item != null ? item.addAdjudication() : r.addAdjudication();
                a.setCategory(new CodeableConcept(new Coding(Fhir.GROUP_CODE, edit.groupCode(), null)));
                a.setReason(new CodeableConcept(new Coding(Fhir.CARC, edit.carc(), null)));
            }
            List<Integer> notes = new ArrayList<>(List.of(note));
            if (edit.rarc() != null) {
                notes.add(note(r, "RARC " + edit.rarc() + " (" + edit.editId() + ")"));
            }
            if (item != null) {
                notes.forEach(n -> item.addNoteNumber(n));
            }
        }
    }

    private static ClaimResponse.ItemComponent item(ClaimResponse r, int lineNumber) {
        for (ClaimResponse.ItemComponent item : r.getItem()) {
            if (item.getItemSequence() == lineNumber) {
                return item;
            }
        }
        ClaimResponse.ItemComponent item = r.addItem().setItemSequence(lineNumber);
        item.addAdjudication().setCategory(new CodeableConcept(new Coding(Fhir.LINE_STATUS, "UNKNOWN", null)));
        return item;
    }

    private static int note(ClaimResponse r, String text) {
        int n = r.getProcessNote().size() + 1;
        r.addProcessNote().setNumber(n).setType(Enumerations.NoteType.DISPLAY).setText(text);
        return n;
    }

    private static void error(ClaimResponse r, ErrorRecord e) {
        r.setOutcome(ClaimResponse.RemittanceOutcome.ERROR);
        r.setDisposition(e.error().message());
        r.addError().setCode(new CodeableConcept(new Coding(Fhir.ERROR_CODE, e.error().code(), null))
                .setText(e.error().message()));
        String where = (e.error().field() != null ? "field " + e.error().field() : "the record")
                + (e.error().inputLine() != null ? ", input position " + e.error().inputLine() : "");
        note(r, e.error().code() + " at " + where + ": " + e.error().message());
    }

    private static Reference reference(String literal, String system, String value, String display) {
        Reference ref = new Reference();
        if (literal != null) {
            ref.setReference(literal);
        }
        if (value != null) {
            ref.setIdentifier(new Identifier().setSystem(system).setValue(value));
        }
        if (literal == null && value == null) {
            ref.setDisplay(display != null ? display : "unknown");
        }
        return ref;
    }

    /**
     * The Claim's reply context; where it names no patient (or the claim came in another format),
     * the patient is identified by the claim's member ID.
     */
    private static Reply reply(String text) {
        String carried = Carrier.parts(Reply.KEY, text).carried();
        Reply reply = null;
        if (carried != null) {
            try {
                reply = Json.mapper().readValue(carried, Reply.class);
            } catch (java.io.IOException | RuntimeException e) {
                // written by this module, so not expected: identify the patient from the claim instead
            }
        }
        if (reply != null && (reply.patientReference() != null || reply.patientValue() != null)) {
            return reply;
        }
        String member = null;
        String profile = null;
        try {
            JsonNode claim = text == null ? null : Json.mapper().readTree(text);
            if (claim != null && claim.path("patient").path("memberId").isTextual()) {
                member = claim.path("patient").path("memberId").asText();
            }
            if (claim != null && claim.path("payer").path("profile").isTextual()) {
                profile = claim.path("payer").path("profile").asText();
            }
        } catch (java.io.IOException | RuntimeException e) {
            // an unreadable record: its ClaimResponse names no patient
        }
        if (reply != null) {
            return new Reply(reply.request(), reply.type(), null, member == null ? null : Fhir.BASE + "member-id", member,
                    reply.insurerReference(), reply.insurerSystem(), reply.insurerValue(), reply.insurerDisplay());
        }
        return new Reply(null, null, null, member == null ? null : Fhir.BASE + "member-id", member, null, null, null,
                profile);
    }
}
