package org.claimrules.scenario;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.claimrules.io.Json;

/**
 * Binds part of a scenario file to a model record and reports, by field path, every field the
 * record does not have. The claim format ignores unknown fields (a feed only grows); a scenario
 * file is written by hand, where an unknown field is a misspelling that silently tests something
 * else, so here it is an error.
 */
final class StrictFields {

    /** The record bound, or null, and the problems: each {@code path: what is wrong}. */
    record Bound<T>(T value, List<String> problems) {
    }

    private StrictFields() {
    }

    /** Binds {@code node}; {@code at} is the node's own path in the file (e.g. {@code batch[1].expect}). */
    static <T> Bound<T> bind(JsonNode node, Class<T> type, String at) {
        List<String> problems = new ArrayList<>();
        unknown(node, Json.mapper().constructType(type), at, problems);
        try {
            return new Bound<>(Json.mapper().treeToValue(node, type), problems);
        } catch (JsonMappingException e) {
            problems.add(describe(e, at));
            return new Bound<>(null, problems);
        } catch (IOException e) {
            problems.add(at + ": " + e.getMessage());
            return new Bound<>(null, problems);
        }
    }

    /**
     * Walks the tree beside the type, asking Jackson which properties each record has (so that the
     * names are the ones binding uses), and reports every field that is none of them.
     */
    private static void unknown(JsonNode node, JavaType type, String at, List<String> problems) {
        if (node.isArray() && type.isCollectionLikeType()) {
            for (int i = 0; i < node.size(); i++) {
                unknown(node.get(i), type.getContentType(), at + "[" + i + "]", problems);
            }
            return;
        }
        if (!node.isObject() || !type.getRawClass().isRecord()) {
            return;
        }
        BeanDescription description = Json.mapper().getDeserializationConfig().introspect(type);
        Map<String, JavaType> properties = new HashMap<>();
        for (BeanPropertyDefinition p : description.findProperties()) {
            properties.put(p.getName(), p.getPrimaryType());
        }
        node.fields().forEachRemaining(field -> {
            JavaType property = properties.get(field.getKey());
            if (property == null) {
                problems.add(join(at, field.getKey()) + ": unknown field");
            } else {
                unknown(field.getValue(), property, join(at, field.getKey()), problems);
            }
        });
    }

    /** {@code at.lines[2].serviceDate: '2026-13-01' is not a date (YYYY-MM-DD)}, without library wording. */
    static String describe(JsonMappingException e, String at) {
        String field = join(at, path(e));
        if (e instanceof InvalidNullException) {
            return field + ": null is not allowed here";
        }
        if (e instanceof InvalidFormatException f) {
            return field + ": '" + f.getValue() + "' is not " + expected(f.getTargetType());
        }
        if (e instanceof MismatchedInputException m) {
            return field + ": wrong type or shape, expected " + expected(m.getTargetType());
        }
        return field + ": cannot be read (" + e.getOriginalMessage().lines().findFirst().orElse("") + ")";
    }

    static String join(String at, String field) {
        if (field.isEmpty()) {
            return at;
        }
        return at.isEmpty() ? field : field.startsWith("[") ? at + field : at + "." + field;
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "a different value";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", "));
        }
        if (type == java.time.LocalDate.class) {
            return "a date (YYYY-MM-DD)";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (type == java.math.BigDecimal.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (List.class.isAssignableFrom(type)) {
            return "an array";
        }
        return type == String.class ? "text" : "an object";
    }
}
