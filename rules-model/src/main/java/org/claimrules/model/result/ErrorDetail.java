package org.claimrules.model.result;

/** What was wrong with a record: a stable code, a plain message, the field path and the input line. */
public record ErrorDetail(String code, String message, String field, Long inputLine) {
}
