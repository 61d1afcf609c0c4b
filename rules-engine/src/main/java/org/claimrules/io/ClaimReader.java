package org.claimrules.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.Arrays;
import java.util.List;
import org.claimrules.model.Claim;
import org.claimrules.model.result.ErrorCode;
import org.claimrules.model.result.ErrorRecord;

/**
 * Reads one JSON Lines record into a claim, or into the error record that stands in its place.
 * Never throws for bad input: every way a record can be wrong ends as an error naming the code
 * (docs/errors.md), the field where it is known, and the input line.
 *
 * <p>Error messages never repeat the value of a patient field or a diagnosis: error records are
 * written next to results, and those may be read by more people than the claim itself.
 */
public final class ClaimReader {

    /** A record longer than this is refused without being parsed. */
    public static final int MAX_RECORD_CHARS = 1 << 20;
    /** Longest claim ID copied into an error record; a longer one is not echoed. */
    static final int MAX_ECHOED_ID = 100;

    private static final ObjectReader READER = Json.mapper().readerFor(Claim.class);

    private ClaimReader() {
    }

    /** A record read: exactly one of claim and error is set. */
    public record Read(long inputLine, Claim claim, ErrorRecord error) {
        public Read {
            if ((claim == null) == (error == null)) {
                throw new IllegalArgumentException("a read record holds exactly one of a claim and an error");
            }
        }

        public boolean ok() {
            return claim != null;
        }
    }

    /** The error record of a record that was too long to be read at all (see {@link RecordReader}). */
    public static Read tooLong(long inputLine, long length) {
        return tooLong(inputLine, length, MAX_RECORD_CHARS);
    }

    /** The same, for a reader configured with another limit. */
    public static Read tooLong(long inputLine, long length, int limit) {
        return error(null, ErrorCode.TOO_LARGE, "record of " + length + " characters exceeds the limit of "
                + limit, null, inputLine);
    }

    /** The claim or error record of one record as {@link RecordReader} split it, read with limit {@code limit}. */
    public static Read read(RecordReader.Record record, int limit) {
        if (record.invalidUtf8()) {
            return invalidUtf8(record.inputLine());
        }
        if (record.tooLong()) {
            return tooLong(record.inputLine(), record.length(), limit);
        }
        return read(record.text(), record.inputLine());
    }

    /** JSON text is UTF-8 (RFC 8259): a record whose bytes are not is not JSON, and is not guessed at. */
    public static Read invalidUtf8(long inputLine) {
        return error(null, ErrorCode.INVALID_JSON, "not valid JSON: the record's bytes are not valid UTF-8",
                null, inputLine);
    }

    /** A record whose claimId an earlier record of the same batch already used. */
    public static Read duplicate(String claimId, long inputLine) {
        return error(claimId, ErrorCode.DUPLICATE_CLAIM,
                "claimId: an earlier record of this batch has the same claimId; only the first is scored",
                "claimId", inputLine);
    }

    public static Read read(String text, long inputLine) {
        if (text == null || text.isBlank()) {
            return error(null, ErrorCode.INVALID_JSON, "empty record", null, inputLine);
        }
        if (text.length() > MAX_RECORD_CHARS) {
            return tooLong(inputLine, text.length());
        }
        try {
            Claim claim = READER.readValue(text);
            if (claim == null) {
                return error(null, ErrorCode.NOT_AN_OBJECT, "a record must be one JSON object, not null", null, inputLine);
            }
            ReadChecks.Problem bad = ReadChecks.numbers(claim);
            if (bad != null) {
                return error(shortId(claim.claimId()), ErrorCode.INVALID_VALUE, bad.message(), bad.field(), inputLine);
            }
            return new Read(inputLine, ReadChecks.trimmedCodes(claim), null);
        } catch (JsonProcessingException e) {
            return classify(e, text, inputLine);
        } catch (RuntimeException e) {
            // Not expected from Jackson with the limits set in Json; kept so that one record can never
            // stop a batch. The message would come from inside the parser: report only its type.
            return error(null, ErrorCode.INVALID_JSON, "unreadable record", null, inputLine);
        }
    }

    private static Read classify(JsonProcessingException e, String text, long inputLine) {
        String field = e instanceof JsonMappingException m ? path(m) : null;
        StreamConstraintsException limit = cause(e, StreamConstraintsException.class);
        if (limit != null) {
            return error(null, ErrorCode.TOO_LARGE, "record exceeds a limit: " + JsonMessages.limit(limit),
                    field, inputLine);
        }
        InputCoercionException range = cause(e, InputCoercionException.class);
        if (range != null) {
            return error(claimId(text), ErrorCode.INVALID_VALUE, prefix(field) + "number out of range for "
                    + expected(range.getTargetType()), field, inputLine);
        }
        StreamReadException syntax = cause(e, StreamReadException.class);
        if (syntax != null) {
            return error(null, ErrorCode.INVALID_JSON, "not valid JSON: " + JsonMessages.syntax(syntax),
                    field, inputLine);
        }
        if (field == null || field.isEmpty()) {
            if (!startsWithObject(text)) {
                return error(null, ErrorCode.NOT_AN_OBJECT, "a record must be one JSON object", null, inputLine);
            }
            if (e instanceof MismatchedInputException) {
                // An object followed by more content: FAIL_ON_TRAILING_TOKENS.
                return error(null, ErrorCode.INVALID_JSON, "not valid JSON: content after the end of the object",
                        null, inputLine);
            }
        }
        String id = claimId(text);
        if (e instanceof InvalidNullException) {
            return error(id, ErrorCode.INVALID_VALUE, field + ": null is not allowed here", field, inputLine);
        }
        if (e instanceof InvalidFormatException f) {
            String value = isProtected(field) || !echoable(f.getTargetType()) ? "the value" : quote(f.getValue());
            return error(id, ErrorCode.INVALID_VALUE, prefix(field) + value + " is not " + expected(f.getTargetType()),
                    field, inputLine);
        }
        if (e instanceof MismatchedInputException m) {
            return error(id, ErrorCode.INVALID_VALUE, prefix(field) + "wrong type or shape, expected "
                    + expected(m.getTargetType()), field, inputLine);
        }
        // Anything else from binding, e.g. a record constructor refusing a value: report its type only,
        // since a constructor's message may repeat the value.
        return error(id, ErrorCode.INVALID_VALUE, prefix(field) + "cannot be read as the format describes",
                field, inputLine);
    }

    private static Read error(String claimId, ErrorCode code, String message, String field, long inputLine) {
        return new Read(inputLine, null, ErrorRecord.of(claimId, code, message, field, inputLine));
    }

    /** Values of these types are codes, dates or numbers, never free text: safe to repeat unless protected. */
    private static boolean echoable(Class<?> type) {
        return type != null && (type.isEnum() || type == java.time.LocalDate.class || Number.class.isAssignableFrom(type)
                || type.isPrimitive());
    }

    private static String shortId(String id) {
        return id != null && id.length() <= MAX_ECHOED_ID ? id : null;
    }

    /** Patient fields and diagnoses are never repeated in messages (see the class comment). */
    static boolean isProtected(String field) {
        return field != null && (field.startsWith("patient") || field.startsWith("diagnoses")
                || field.contains("diagnosisPointers"));
    }

    /** The claim ID of a record that did not bind, when it is at least a JSON object with a short one. */
    static String claimId(String text) {
        try {
            JsonNode node = Json.mapper().readTree(text);
            JsonNode id = node == null ? null : node.get("claimId");
            return id != null && id.isTextual() && id.asText().length() <= MAX_ECHOED_ID ? id.asText() : null;
        } catch (JsonProcessingException | RuntimeException e) {
            return null;
        }
    }

    /** {@code lines[2].serviceDate}: field names joined by dots, array positions in brackets. */
    static String path(JsonMappingException e) {
        List<JsonMappingException.Reference> refs = e.getPath();
        if (refs.isEmpty()) {
            return null;
        }
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : refs) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? null : path.toString();
    }

    private static String quote(Object value) {
        String text = String.valueOf(value);
        return "'" + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "'";
    }

    private static boolean startsWithObject(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c)) {
                return c == '{';
            }
        }
        return false;
    }

    private static String prefix(String field) {
        return field == null ? "" : field + ": ";
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "a different value";
        }
        if (type == java.time.LocalDate.class) {
            return "a valid date (YYYY-MM-DD)";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf)
                    .collect(java.util.stream.Collectors.joining(", "));
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (List.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (type.isRecord()) {
            return "an object";
        }
        return "a valid " + type.getSimpleName();
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

}
