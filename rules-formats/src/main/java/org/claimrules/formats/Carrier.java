package org.claimrules.formats;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import org.claimrules.io.ClaimReader;
import org.claimrules.io.Json;
import org.claimrules.model.Claim;
import org.claimrules.model.result.ErrorRecord;

/**
 * The text of a record read from another format, as the batch pipeline holds and spills it: a
 * claim of the project's JSON format, or the error record that stands in its place, with one
 * field in front that carries what the output needs from the input (an X12 claim's place in its
 * file, a FHIR Claim's references). The claim's other fields are as in claim-format.md, so the
 * pipeline groups members as for JSON Lines and {@link ClaimReader} reads the claim unchanged.
 */
public final class Carrier {

    private Carrier() {
    }

    /** What a record's text holds: the carried field's JSON (null if none) and an error record, if it is one. */
    public record Parts(String carried, ErrorRecord error) {
    }

    public static String claim(String key, Object carried, Claim claim) {
        return join(key, carried, json(claim));
    }

    /** The same, for a claim already written as JSON (one object). */
    public static String claimJson(String key, Object carried, String claimJson) {
        return join(key, carried, claimJson);
    }

    public static String error(String key, Object carried, ErrorRecord error) {
        return join(key, carried, json(error));
    }

    /** The claim or error record of a text written by {@link #claim} or {@link #error}. */
    public static ClaimReader.Read decode(String key, String text, long position) {
        Parts parts = parts(key, text);
        if (parts.error() != null) {
            return new ClaimReader.Read(position, null, parts.error());
        }
        return ClaimReader.read(text, position);
    }

    /** Splits a text into its carried field and, for an error record, the error; never throws. */
    public static Parts parts(String key, String text) {
        if (text == null) {
            return new Parts(null, null);
        }
        try (JsonParser p = Json.mapper().getFactory().createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT || p.nextToken() != JsonToken.FIELD_NAME) {
                return new Parts(null, null);
            }
            String carried = null;
            if (key.equals(p.currentName())) {
                p.nextToken();
                int from = (int) p.currentTokenLocation().getCharOffset();
                p.skipChildren();
                int to = (int) p.currentLocation().getCharOffset();
                carried = text.substring(from, to);
                if (p.nextToken() != JsonToken.FIELD_NAME) {
                    return new Parts(carried, null);
                }
            }
            // An error record is {"claimId":..., "error":...}: its error is one of the next two fields.
            for (int field = 0; field < 2; field++) {
                if ("error".equals(p.currentName())) {
                    return new Parts(carried, Json.mapper().readValue(text, ErrorRecord.class));
                }
                p.nextToken();
                p.skipChildren();
                if (p.nextToken() != JsonToken.FIELD_NAME) {
                    break;
                }
            }
            return new Parts(carried, null);
        } catch (IOException | RuntimeException e) {
            return new Parts(null, null);
        }
    }

    /**
     * {@code outcome}'s JSON with the carried field added last under {@code key}: the outcome
     * always serialises as one object, so the field goes before its closing brace.
     */
    public static byte[] withField(byte[] outcome, String key, String carriedJson) {
        if (carriedJson == null) {
            return outcome;
        }
        byte[] field = (",\"" + key + "\":" + carriedJson + "}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] out = new byte[outcome.length - 1 + field.length];
        System.arraycopy(outcome, 0, out, 0, outcome.length - 1);
        System.arraycopy(field, 0, out, outcome.length - 1, field.length);
        return out;
    }

    private static String join(String key, Object carried, String rest) {
        if (carried == null) {
            return rest;
        }
        return "{\"" + key + "\":" + json(carried) + "," + rest.substring(1);
    }

    static String json(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a record could not be written as JSON", e);
        }
    }
}
