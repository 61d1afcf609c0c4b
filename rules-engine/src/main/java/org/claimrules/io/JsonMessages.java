package org.claimrules.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;

/**
 * Jackson's failures in our own words. Its messages quote the text where parsing stopped
 * ({@code Unrecognized token 'ZZPHIMEMBER7781'}): in a claim that can be a member ID, a diagnosis
 * or clinical free text, and error records must never repeat those. They also name Jackson's
 * internals ({@code StreamReadConstraints.getMaxStringLength()}). Only the kind of fault and where
 * it is are kept.
 */
final class JsonMessages {

    private JsonMessages() {
    }

    /** What is wrong, by the start of Jackson's message (stable across its versions), and where. */
    static String syntax(StreamReadException e) {
        String m = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        String what;
        if (m.startsWith("Unexpected end-of-input")) {
            what = "the record ends before its JSON value does";
        } else if (m.startsWith("Unrecognized token")) {
            what = "a word that is not a JSON value (a string without its quotes?)";
        } else if (m.startsWith("Duplicate field")) {
            what = "a field appears twice in one object";
        } else if (m.startsWith("Illegal unquoted character")) {
            what = "a control character inside a string";
        } else if (m.startsWith("Unrecognized character escape") || m.contains("escape sequence")) {
            what = "an invalid escape sequence in a string";
        } else if (m.startsWith("Non-standard token")) {
            what = "NaN and Infinity are not JSON numbers";
        } else if (m.contains("numeric value") || m.contains("Leading zero")) {
            what = "a malformed number";
        } else if (m.startsWith("Unexpected character")) {
            what = "an unexpected character";
        } else if (m.contains("surrogate")) {
            what = "an invalid Unicode escape";
        } else {
            what = "a syntax error";
        }
        JsonLocation at = e.getLocation();
        return at != null && at.getColumnNr() > 0 ? what + " (at character " + at.getColumnNr() + ")" : what;
    }

    /** Which of the limits of docs/errors.md was exceeded. */
    static String limit(StreamConstraintsException e) {
        String m = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (m.startsWith("Document nesting depth") || m.contains("nesting")) {
            return "arrays and objects nested deeper than " + Json.MAX_NESTING + " levels";
        }
        if (m.startsWith("String value length") || m.startsWith("String length")) {
            return "a string longer than " + Json.MAX_STRING_CHARS + " characters";
        }
        if (m.startsWith("Name length") || m.contains("name length")) {
            return "a field name longer than " + Json.MAX_NAME_CHARS + " characters";
        }
        if (m.startsWith("Number value length") || m.contains("Number")) {
            return "a number longer than " + Json.MAX_NUMBER_CHARS + " characters";
        }
        if (m.startsWith("Token count") || m.contains("token")) {
            return "more than " + Json.MAX_TOKENS + " JSON tokens";
        }
        return "a size limit of the format";
    }
}
