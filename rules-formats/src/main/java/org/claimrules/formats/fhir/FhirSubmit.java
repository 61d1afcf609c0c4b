package org.claimrules.formats.fhir;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.claimrules.formats.PayersTable;
import org.claimrules.io.ClaimReader;
import org.claimrules.io.RecordReader;
import org.claimrules.model.result.ErrorCode;
import org.claimrules.model.result.ErrorRecord;
import org.claimrules.model.result.Outcome;
import org.hl7.fhir.r4.model.OperationOutcome;

/**
 * One FHIR R4 Claim submitted on its own ({@code POST /fhir/Claim/$submit}): read as the batch
 * reader reads it (a Claim, or a Bundle that holds exactly one Claim and the resources it refers
 * to), its ClaimResponse written as the batch writer writes it, and a claim that cannot be scored
 * answered with an OperationOutcome, which is what FHIR clients expect of a refused request.
 */
public final class FhirSubmit {

    private final PayersTable payers;

    public FhirSubmit(PayersTable payers) {
        this.payers = payers;
    }

    /** The submitted claim as read ({@code read}), and the text its ClaimResponse is written from. */
    public record Submitted(ClaimReader.Read read, String recordText) {
    }

    /** Reads a request body (already decoded from UTF-8); an error record when it holds no single readable Claim. */
    public Submitted read(String body) {
        List<Submitted> claims = new ArrayList<>();
        try (FhirInput in = new FhirInput(new StringReader(body), payers)) {
            RecordReader.Record r;
            while ((r = in.next()) != null) {
                claims.add(new Submitted(in.decode(r.text(), r.inputLine()), r.text()));
            }
        } catch (IOException e) {
            throw new IllegalStateException("reading a string failed", e);
        }
        if (claims.isEmpty()) {
            return error(ErrorCode.INVALID_JSON, "the request body is empty", null);
        }
        if (claims.size() > 1) {
            return error(ErrorCode.INVALID_VALUE, "the request holds " + claims.size()
                    + " resources or Claims: $submit takes one Claim (or a Bundle with one Claim)", null);
        }
        Submitted only = claims.get(0);
        if (!only.read().ok()) {
            ErrorRecord e = only.read().error();
            // the body is the only "line" of a request: the error names no input line
            return new Submitted(new ClaimReader.Read(1, null, ErrorRecord.of(e.claimId(), e.error().code(),
                    e.error().message(), e.error().field(), null)), only.recordText());
        }
        return only;
    }

    private static Submitted error(ErrorCode code, String message, String field) {
        return new Submitted(new ClaimReader.Read(1, null, ErrorRecord.of(null, code, message, field, null)), null);
    }

    /** The ClaimResponse of a scored claim, dated {@code created}. */
    public static byte[] claimResponse(Outcome outcome, String recordText, LocalDate created) {
        return new FhirOutput(created).line(outcome, recordText);
    }

    /**
     * An OperationOutcome for a claim that was not scored: one issue of severity error, its code
     * ({@code structure} for a body that is not a FHIR resource, {@code too-long}, {@code exception}
     * for a failure of the service, else {@code invalid}), the claimrules error code as its details,
     * the message as diagnostics and the field, when known, as its expression.
     */
    public static byte[] operationOutcome(ErrorRecord e) {
        OperationOutcome o = new OperationOutcome();
        OperationOutcome.OperationOutcomeIssueComponent issue = o.addIssue()
                .setSeverity(OperationOutcome.IssueSeverity.ERROR)
                .setCode(issueType(e.error().code()))
                .setDiagnostics((e.claimId() != null ? "claim " + e.claimId() + ": " : "") + e.error().message());
        issue.getDetails().addCoding().setSystem(Fhir.ERROR_CODE).setCode(e.error().code());
        if (e.error().field() != null) {
            issue.addExpression(e.error().field());
        }
        return Fhir.context().newJsonParser().encodeResourceToString(o).getBytes(StandardCharsets.UTF_8);
    }

    /** An OperationOutcome for a problem of the service rather than of the claim (history unavailable, time limit). */
    public static byte[] operationOutcome(OperationOutcome.IssueType type, String message) {
        OperationOutcome o = new OperationOutcome();
        o.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR).setCode(type).setDiagnostics(message);
        return Fhir.context().newJsonParser().encodeResourceToString(o).getBytes(StandardCharsets.UTF_8);
    }

    private static OperationOutcome.IssueType issueType(String code) {
        return switch (code) {
            case "INVALID_JSON", "NOT_AN_OBJECT" -> OperationOutcome.IssueType.STRUCTURE;
            case "TOO_LARGE" -> OperationOutcome.IssueType.TOOLONG;
            case "MISSING_FIELD" -> OperationOutcome.IssueType.REQUIRED;
            case "DUPLICATE_CLAIM" -> OperationOutcome.IssueType.DUPLICATE;
            case "ENGINE_ERROR" -> OperationOutcome.IssueType.EXCEPTION;
            default -> OperationOutcome.IssueType.INVALID;
        };
    }
}
