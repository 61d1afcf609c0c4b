package org.claimrules.model.result;

/** Stands in the place of a claim that could not be read or scored. */
public record ErrorRecord(String claimId, ErrorDetail error) implements Outcome {

    public static ErrorRecord of(String claimId, String code, String message, String field, Long inputLine) {
        return new ErrorRecord(claimId, new ErrorDetail(code, message, field, inputLine));
    }

    public static ErrorRecord of(String claimId, ErrorCode code, String message, String field, Long inputLine) {
        return of(claimId, code.name(), message, field, inputLine);
    }
}
