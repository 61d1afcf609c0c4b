package org.claimrules.formats.fhir;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * What the JSON of a resource that HAPI (or the JSON syntax) refused still tells, so that its
 * error record names the claim and the element like the mapper's errors do: the Claim's ID
 * ({@code identifier[0].value}, else {@code id}, as {@link ClaimMapper#claimId}), and the path of
 * an element ({@code item[0].servicedDate}, relative to the resource on the line). Only the
 * failing resource is read again, and only when it failed; an ID is named only where it is
 * certain.
 */
final class RawResource {

    /** Deeper than any Claim; the streaming pass holds one context per level, so this only bounds work. */
    private static final JsonFactory STREAM = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200)
                    .maxStringLength(FhirInput.MAX_RESOURCE_CHARS).build()).build();
    /** A path deeper than this names no element a reader could look for (nested brackets, say). */
    private static final int MAX_PATH_DEPTH = 16;

    private RawResource() {
    }

    /** What a resource whose JSON does not parse tells before it breaks: its claim ID, and where it broke. */
    record Broken(String claimId, String path) {
    }

    /**
     * The claim ID of a resource that is valid JSON: a Claim's, or that of the only Claim of a
     * Bundle (the record stands for it); else null.
     */
    static String claimId(JsonNode resource) {
        if ("Claim".equals(resource.path("resourceType").textValue())) {
            return usable(text(resource.path("identifier").path(0).path("value")), text(resource.path("id")));
        }
        if ("Bundle".equals(resource.path("resourceType").textValue())) {
            String id = null;
            int claims = 0;
            for (JsonNode entry : resource.path("entry")) {
                JsonNode r = entry.path("resource");
                if ("Claim".equals(r.path("resourceType").textValue())) {
                    claims++;
                    id = claimId(r);
                }
            }
            return claims == 1 ? id : null;
        }
        return null;
    }

    /**
     * The path of the first element named {@code element} (in document order) whose value, or one
     * of whose repeated values, reads as {@code value}; null when there is none.
     */
    static String path(JsonNode resource, String element, String value) {
        if (element == null || value == null) {
            return null;
        }
        return find(resource, "", element, value, 0);
    }

    private static String find(JsonNode node, String at, String element, String value, int depth) {
        if (depth > MAX_PATH_DEPTH) {
            return null;
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String found = find(node.get(i), at + "[" + i + "]", element, value, depth + 1);
                if (found != null) {
                    return found;
                }
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String here = at.isEmpty() ? field.getKey() : at + "." + field.getKey();
                JsonNode v = field.getValue();
                if (field.getKey().equals(element)) {
                    if (v.isValueNode() && value.equals(v.asText())) {
                        return here;
                    }
                    for (int i = 0; v.isArray() && i < v.size(); i++) {
                        if (v.get(i).isValueNode() && value.equals(v.get(i).asText())) {
                            return here + "[" + i + "]";
                        }
                    }
                }
                String found = find(v, here, element, value, depth + 1);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /**
     * One streaming pass over JSON text that does not parse: the Claim's ID where what was read
     * settles it ({@code identifier[0].value} was read; or {@code id} was, and either identifier[0]
     * was read without a value or the object closed), and the path where the text broke.
     */
    static Broken broken(String text) {
        String resourceType = null;
        String id = null;
        String identifierValue = null;
        boolean identifierSettled = false;
        boolean closed = false;
        String path = null;
        JsonParser p = null;
        JsonToken last = null;
        JsonStreamContext before = null;
        String nameBefore = null;
        try {
            p = STREAM.createParser(text);
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return new Broken(null, null);
            }
            JsonToken t;
            while (true) {
                before = p.getParsingContext();
                nameBefore = before.getCurrentName();
                t = p.nextToken();
                if (t == null) {
                    break;
                }
                last = t;
                JsonStreamContext ctx = p.getParsingContext();
                if (t == JsonToken.END_OBJECT && ctx.inRoot()) {
                    closed = true;
                    break;
                }
                JsonStreamContext parent = ctx.getParent();
                boolean topLevel = parent != null && parent.inRoot();
                if (t == JsonToken.VALUE_STRING && topLevel && "resourceType".equals(ctx.getCurrentName())) {
                    resourceType = p.getText();
                } else if (t == JsonToken.VALUE_STRING && topLevel && "id".equals(ctx.getCurrentName())) {
                    id = p.getText();
                } else if (t == JsonToken.VALUE_STRING && "value".equals(ctx.getCurrentName()) && inFirstIdentifier(parent)) {
                    identifierValue = p.getText();
                    identifierSettled = true;
                } else if (t == JsonToken.END_OBJECT && ctx.getCurrentIndex() == 0 && inFirstIdentifier(ctx)) {
                    identifierSettled = true; // identifier[0] without a value
                } else if (t == JsonToken.END_ARRAY && topLevel && "identifier".equals(ctx.getCurrentName())) {
                    identifierSettled = true; // an empty identifier array
                }
            }
        } catch (IOException | RuntimeException e) {
            // the text breaks here: its context is where, and nothing after it is read
            if (p != null) {
                // Jackson reads a field's name and the start of its value in one step: the break is
                // in a value when the last token was a name, or when the failing step set a new name
                JsonStreamContext ctx = p.getParsingContext();
                boolean inValue = last == JsonToken.FIELD_NAME
                        || ctx == before && ctx.inObject() && !java.util.Objects.equals(nameBefore, ctx.getCurrentName());
                path = path(ctx, inValue);
            }
        } finally {
            if (p != null) {
                try {
                    p.close();
                } catch (IOException e) {
                    // a parser over a string: nothing to release
                }
            }
        }
        if (!"Claim".equals(resourceType)) {
            return new Broken(null, path);
        }
        String claimId = identifierValue != null ? usable(identifierValue, null)
                : identifierSettled || closed ? usable(null, id) : null;
        return new Broken(claimId, path);
    }

    /** Whether {@code array} is the resource's {@code identifier} array, at its first entry. */
    private static boolean inFirstIdentifier(JsonStreamContext array) {
        return array != null && array.inArray() && array.getCurrentIndex() == 0 && array.getParent() != null
                && array.getParent().getParent() != null && array.getParent().getParent().inRoot()
                && "identifier".equals(array.getParent().getCurrentName());
    }

    /**
     * The path of the element a parser broke in: the innermost context names its field only when
     * the last token read was that field's name (the break is in its value), since otherwise the
     * break is between fields; null at the top level or deeper than a reader can use.
     */
    private static String path(JsonStreamContext ctx, boolean inFieldValue) {
        List<String> parts = new ArrayList<>();
        boolean innermost = true;
        for (JsonStreamContext c = ctx; c != null && !c.inRoot(); c = c.getParent()) {
            boolean named = c.inObject() && c.getCurrentName() != null && (!innermost || inFieldValue);
            if (c.inArray() && !innermost) {
                parts.add(0, "[" + Math.max(0, c.getCurrentIndex()) + "]");
            } else if (named) {
                parts.add(0, (c.getParent() != null && c.getParent().inRoot() ? "" : ".") + c.getCurrentName());
            }
            innermost = false;
        }
        if (parts.isEmpty() || parts.size() > MAX_PATH_DEPTH) {
            return null;
        }
        return String.join("", parts);
    }

    private static String text(JsonNode node) {
        return node.isTextual() ? node.textValue() : null;
    }

    /** As {@link ClaimMapper#claimId}: identifier[0].value, else id; null when absent or too long. */
    private static String usable(String identifierValue, String id) {
        String chosen = identifierValue != null && !identifierValue.isEmpty() ? identifierValue : id;
        return chosen == null || chosen.isEmpty() || chosen.length() > ClaimMapper.MAX_CLAIM_ID_CHARS ? null : chosen;
    }
}
