package org.claimrules.service;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.claimrules.engine.ClaimEngine;
import org.claimrules.engine.EngineErrorException;
import org.claimrules.engine.InvalidClaimException;
import org.claimrules.engine.RulesetException;
import org.claimrules.engine.Ruleset;
import org.claimrules.engine.RulesetProblem;
import org.claimrules.formats.PayersTable;
import org.claimrules.formats.fhir.FhirSubmit;
import org.claimrules.history.HistoryStore;
import org.claimrules.history.HistoryStoreException;
import org.claimrules.io.ClaimReader;
import org.claimrules.model.Claim;
import org.claimrules.model.result.ErrorCode;
import org.claimrules.model.result.ErrorRecord;
import org.slf4j.Logger;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.slf4j.LoggerFactory;

/** What each endpoint answers, apart from HTTP itself. Logs carry claim IDs and counts, never member data. */
final class Endpoints {

    private static final Logger LOG = LoggerFactory.getLogger(Endpoints.class);

    private final ClaimEngine engine;
    private final HistoryStore store;
    private final Adjudicator adjudicator;
    private final Path rulesDir;
    private final ServiceMetrics metrics;

    Endpoints(ClaimEngine engine, HistoryStore store, Path rulesDir, ServiceMetrics metrics) {
        this.engine = engine;
        this.store = store;
        this.adjudicator = new Adjudicator(engine, store);
        this.rulesDir = rulesDir;
        this.metrics = metrics;
    }

    private static final ErrorRecord NOT_UTF8 =
            ErrorRecord.of(null, ErrorCode.INVALID_JSON, "the request body is not UTF-8", null, null);

    /** The body as text, or null when it is not valid UTF-8. */
    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** {@code POST /v1/claims}: one claim in the JSON format; its result, or its error record. */
    Reply submit(byte[] body, boolean dryRun, long deadlineNanos) {
        String text = utf8(body);
        if (text == null) {
            return error(400, NOT_UTF8);
        }
        ClaimReader.Read read = ClaimReader.read(text, 1);
        if (!read.ok()) {
            ErrorRecord e = withoutLine(read.error());
            return error(statusOf(e.error().code()), e);
        }
        Claim claim = read.claim();
        if (claim.memberId() != null && claim.memberId().length() > HistoryStore.MAX_MEMBER_ID_CHARS && store != null) {
            return error(422, ErrorRecord.of(claim.claimId(), ErrorCode.INVALID_VALUE, "memberId has more than "
                    + HistoryStore.MAX_MEMBER_ID_CHARS + " characters", "patient.memberId", null));
        }
        try {
            Adjudicator.Scored scored = adjudicator.score(claim, dryRun, deadlineNanos);
            metrics.claim(scored.result().disposition(), scored.recorded());
            return Reply.json(200, scored.result());
        } catch (InvalidClaimException e) {
            return error(statusOf(e.code()), ErrorRecord.of(claim.claimId(), e.code(), e.getMessage(), e.field(), null));
        } catch (EngineErrorException e) {
            // Its message carries the claim ID, the rule and exception types only.
            LOG.error("{}", e.getMessage());
            return error(500, ErrorRecord.of(claim.claimId(), ErrorCode.ENGINE_ERROR, e.getMessage(), null, null));
        } catch (HistoryStoreException e) {
            LOG.error("claim {}: {}", claim.claimId(), e.getMessage());
            return Reply.problem(503, "Claims history unavailable", e.getMessage() + "; nothing was recorded")
                    .withHeader("Retry-After", "1");
        } catch (Adjudicator.DeadlineExceeded e) {
            LOG.warn("claim {}: {}", claim.claimId(), e.getMessage());
            return Reply.problem(503, "Time limit exceeded", e.getMessage()).withHeader("Retry-After", "1");
        }
    }

    /** The FHIR reader of the ruleset in service, with its payers table (read again after a reload). */
    private record FhirReader(Ruleset ruleset, FhirSubmit submit) {
    }

    private volatile FhirReader fhirReader;

    private FhirSubmit fhir() {
        Ruleset current = engine.ruleset();
        FhirReader r = fhirReader;
        if (r == null || r.ruleset() != current) {
            try {
                r = new FhirReader(current, new FhirSubmit(PayersTable.load(current.root())));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            fhirReader = r;
        }
        return r.submit();
    }

    /**
     * {@code POST /fhir/Claim/$submit}: one FHIR R4 Claim (or a Bundle with one Claim); its
     * ClaimResponse, recorded in the history as {@link #submit} records a claim. A claim that
     * cannot be scored is answered with an OperationOutcome and the status {@link #submit} gives.
     */
    Reply submitFhir(byte[] body, boolean dryRun, long deadlineNanos) {
        String text = utf8(body);
        if (text == null) {
            return fhirError(400, NOT_UTF8);
        }
        FhirSubmit.Submitted submitted = fhir().read(text);
        if (!submitted.read().ok()) {
            ErrorRecord e = submitted.read().error();
            return fhirError(statusOf(e.error().code()), e);
        }
        Claim claim = submitted.read().claim();
        if (claim.memberId() != null && claim.memberId().length() > HistoryStore.MAX_MEMBER_ID_CHARS && store != null) {
            return fhirError(422, ErrorRecord.of(claim.claimId(), ErrorCode.INVALID_VALUE, "the patient's member ID has more than "
                    + HistoryStore.MAX_MEMBER_ID_CHARS + " characters", "patient", null));
        }
        try {
            Adjudicator.Scored scored = adjudicator.score(claim, dryRun, deadlineNanos);
            metrics.claim(scored.result().disposition(), scored.recorded());
            return Reply.fhir(200, FhirSubmit.claimResponse(scored.result(), submitted.recordText(),
                    java.time.LocalDate.now(java.time.ZoneOffset.UTC)));
        } catch (InvalidClaimException e) {
            return fhirError(statusOf(e.code()), ErrorRecord.of(claim.claimId(), e.code(), e.getMessage(), e.field(), null));
        } catch (EngineErrorException e) {
            LOG.error("{}", e.getMessage());
            return fhirError(500, ErrorRecord.of(claim.claimId(), ErrorCode.ENGINE_ERROR, e.getMessage(), null, null));
        } catch (HistoryStoreException e) {
            LOG.error("claim {}: {}", claim.claimId(), e.getMessage());
            return Reply.fhir(503, FhirSubmit.operationOutcome(OperationOutcome.IssueType.TRANSIENT,
                    "claims history unavailable: " + e.getMessage() + "; nothing was recorded")).withHeader("Retry-After", "1");
        } catch (Adjudicator.DeadlineExceeded e) {
            LOG.warn("claim {}: {}", claim.claimId(), e.getMessage());
            return Reply.fhir(503, FhirSubmit.operationOutcome(OperationOutcome.IssueType.TIMEOUT, e.getMessage()))
                    .withHeader("Retry-After", "1");
        }
    }

    private Reply fhirError(int status, ErrorRecord record) {
        metrics.error(record.error().code());
        return Reply.fhir(status, FhirSubmit.operationOutcome(record));
    }

    /** {@code DELETE /v1/claims/{claimId}}: the claim no longer counts in its member's history. */
    Reply voidClaim(String claimId) {
        if (store == null) {
            return Reply.problem(409, "No claims history", "the service runs with --history none: there is nothing to void");
        }
        try {
            if (!store.voidClaim(claimId)) {
                return Reply.problem(404, "Not Found", "the claims history holds no claim with this ID");
            }
        } catch (HistoryStoreException e) {
            LOG.error("voiding claim {}: {}", claimId, e.getMessage());
            return Reply.problem(503, "Claims history unavailable", e.getMessage());
        }
        LOG.info("claim {} voided", claimId);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("claimId", claimId);
        body.put("voided", true);
        return Reply.json(200, body);
    }

    /** {@code GET /v1/health}. */
    Reply health() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "UP");
        body.put("rulesetVersion", engine.ruleset().version());
        body.put("history", store == null ? "none" : store.description());
        return Reply.json(200, body);
    }

    /**
     * {@code POST /v1/ruleset/reload}: compiles and validates the ruleset folder again, and swaps it
     * in only when it has no problem; otherwise the old ruleset goes on serving.
     */
    synchronized Reply reload() {
        if (rulesDir == null) {
            return Reply.problem(409, "No ruleset folder", "the service runs the bundled ruleset: start it with --rules DIR to reload");
        }
        String previous = engine.ruleset().version();
        Map<String, Object> body = new LinkedHashMap<>();
        try {
            String next = engine.replaceRuleset(rulesDir).version();
            metrics.reload(true);
            body.put("rulesetVersion", next);
            body.put("previousVersion", previous);
            return Reply.json(200, body);
        } catch (RulesetException e) {
            metrics.reload(false);
            LOG.warn("ruleset reload refused ({} problems): still serving {}", e.problems().size(), previous);
            body.put("rulesetVersion", previous);
            body.put("problems", e.problems().stream().map(RulesetProblem::toString).toList());
            return Reply.json(422, body);
        }
    }

    private Reply error(int status, ErrorRecord record) {
        metrics.error(record.error().code());
        return Reply.json(status, record);
    }

    /** 400 for a body that is not one JSON object, 413 past a size limit, 422 for a claim that cannot be scored. */
    static int statusOf(String code) {
        return switch (code) {
            case "INVALID_JSON", "NOT_AN_OBJECT" -> 400;
            case "TOO_LARGE" -> 413;
            case "ENGINE_ERROR" -> 500;
            default -> 422;
        };
    }

    /** The body is the only "line" of an HTTP request: the error record does not name one. */
    private static ErrorRecord withoutLine(ErrorRecord e) {
        return ErrorRecord.of(e.claimId(), e.error().code(), e.error().message(), e.error().field(), null);
    }
}
