package org.claimrules.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.List;
import org.claimrules.model.Claim;
import org.claimrules.model.result.ErrorRecord;

/**
 * Reads one JSON Lines record into a claim, or into the error record that stands in its place.
 * Never throws for bad input: every way a record can be wrong ends as an error naming the field.
 */
public final class ClaimReader {

    private static final ObjectReader READER = Json.mapper().readerFor(Claim.class);

    private ClaimReader() {
    }

    /** A record read: exactly one of claim and error is set. */
    public record Read(long inputLine, Claim claim, ErrorRecord error) {
        public boolean ok() {
            return claim != null;
        }
    }

    public static Read read(String text, long inputLine) {
        try {
            if (text.isBlank()) {
                return error(null, "INVALID_JSON", "empty record", null, inputLine);
            }
            return new Read(inputLine, READER.readValue(text), null);
        } catch (StreamConstraintsException e) {
            return error(null, "TOO_LARGE", "record exceeds a limit: " + firstLine(e.getOriginalMessage()),
                    null, inputLine);
        } catch (InvalidFormatException e) {
            String field = path(e);
            return error(claimId(text), "INVALID_VALUE", field + ": '" + e.getValue() + "' is not "
                    + expected(e.getTargetType()), field, inputLine);
        } catch (MismatchedInputException e) {
            String field = path(e);
            if (field == null) {
                return error(null, "NOT_AN_OBJECT", "a record must be one JSON object", null, inputLine);
            }
            return error(claimId(text), "INVALID_VALUE", field + ": wrong type or shape ("
                    + firstLine(e.getOriginalMessage()) + ")", field, inputLine);
        } catch (JsonMappingException e) {
            String field = path(e);
            return error(claimId(text), "INVALID_VALUE", (field == null ? "" : field + ": ")
                    + firstLine(rootMessage(e)), field, inputLine);
        } catch (JsonProcessingException e) {
            return error(null, "INVALID_JSON", "not valid JSON: " + firstLine(e.getOriginalMessage()), null, inputLine);
        } catch (RuntimeException e) {
            return error(null, "INVALID_JSON", "unreadable record: " + e.getClass().getSimpleName(), null, inputLine);
        }
    }

    private static Read error(String claimId, String code, String message, String field, long inputLine) {
        return new Read(inputLine, null, ErrorRecord.of(claimId, code, message, field, inputLine));
    }

    /** The claim ID of a record that did not bind, when it is at least a JSON object with one. */
    static String claimId(String text) {
        try {
            JsonNode node = Json.mapper().readTree(text);
            JsonNode id = node == null ? null : node.get("claimId");
            return id != null && id.isTextual() ? id.asText() : null;
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
        return path.toString();
    }

    private static String expected(Class<?> type) {
        if (type == java.time.LocalDate.class) {
            return "a valid date (YYYY-MM-DD)";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        if (type == Integer.class || type == int.class) {
            return "a whole number";
        }
        return "a valid " + type.getSimpleName();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
