package org.claimrules.model.result;

/**
 * Why a record produced an error record instead of a result. The set is small and stable: payer
 * systems route on it. docs/errors.md describes each code; a guard test keeps the two in step.
 */
public enum ErrorCode {
    /** The record is not one well-formed JSON value: syntax error, trailing content, repeated key, empty. */
    INVALID_JSON,
    /** The record is well-formed JSON but not an object (an array, a string, a number, null). */
    NOT_AN_OBJECT,
    /** A required field is absent or null. */
    MISSING_FIELD,
    /** A field has the wrong type or an impossible value (a date that does not exist, units below 1, ...). */
    INVALID_VALUE,
    /** Two lines of the claim share a line number. */
    DUPLICATE_LINE,
    /** An earlier record of the same batch has the same {@code claimId}; only the first is scored. */
    DUPLICATE_CLAIM,
    /** {@code payer.profile} names no payer profile of the ruleset. */
    UNKNOWN_PROFILE,
    /** The record exceeds a size limit: its length, nesting, a string, or the number of lines, entries or codes. */
    TOO_LARGE,
    /** The claim was valid but the engine failed on it: a defect of the engine or ruleset, logged by claim ID. */
    ENGINE_ERROR
}
