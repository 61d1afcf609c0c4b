package org.claimrules.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.claimrules.io.Json;
import org.claimrules.model.Claim;

/**
 * Reads the scenario files of a ruleset ({@code scenarios/**}/*.json, except the base claims in
 * {@code scenarios/bases/}). A scenario either has one {@code claim} and {@code expect}, or a
 * {@code batch} of such items. A claim may name a {@code base} claim that it patches (JSON merge
 * patch, RFC 7386: objects merge, anything else replaces, null removes), so that each scenario
 * shows only what differs from a clean claim.
 */
public final class ScenarioLoader {

    public static final String FOLDER = "scenarios";
    public static final String BASES = "scenarios/bases";

    private ScenarioLoader() {
    }

    /** Every scenario of the ruleset; the first file that cannot be read fails the whole load. */
    public static List<Scenario> load(Path root) throws IOException, ScenarioException {
        List<Scenario> scenarios = new ArrayList<>();
        for (Path file : files(root)) {
            scenarios.add(read(root, file));
        }
        return scenarios;
    }

    /** The scenarios that could be read, and what is wrong with each file that could not. */
    public record Loaded(List<Scenario> scenarios, List<String> unreadable) {
    }

    /** Reads every scenario file it can, so that one broken file does not hide the others' results. */
    public static Loaded loadEach(Path root) throws IOException {
        List<Scenario> scenarios = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        for (Path file : files(root)) {
            try {
                scenarios.add(read(root, file));
            } catch (ScenarioException e) {
                unreadable.add(e.getMessage());
            }
        }
        return new Loaded(scenarios, unreadable);
    }

    private static List<Path> files(Path root) throws IOException {
        Path folder = root.resolve(FOLDER);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(p -> p.getFileName().toString().endsWith(".json"))
                    .filter(p -> !root.relativize(p).toString().replace('\\', '/').startsWith(BASES + "/"))
                    .sorted().toList();
        }
    }

    static Scenario read(Path root, Path file) throws IOException, ScenarioException {
        String name = root.relativize(file).toString().replace('\\', '/');
        JsonNode node;
        try {
            node = Json.mapper().readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            throw new ScenarioException(name + ": not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new ScenarioException(name + ": a scenario is a JSON object");
        }
        String description = node.path("description").asText(name);
        List<ScenarioCase> cases = new ArrayList<>();
        if (node.has("batch")) {
            int i = 0;
            for (JsonNode item : node.get("batch")) {
                cases.add(readCase(root, name + " batch[" + i++ + "]", item));
            }
        } else {
            cases.add(readCase(root, name, node));
        }
        if (cases.isEmpty()) {
            throw new ScenarioException(name + ": no claim in the scenario");
        }
        return new Scenario(name, description, cases);
    }

    private static ScenarioCase readCase(Path root, String where, JsonNode item) throws IOException, ScenarioException {
        JsonNode claimNode = item.get("claim");
        if (claimNode == null || !claimNode.isObject()) {
            throw new ScenarioException(where + ": 'claim' is required and must be an object");
        }
        JsonNode merged = claimNode;
        if (item.hasNonNull("base")) {
            Path base = root.resolve(BASES).resolve(item.get("base").asText() + ".json");
            if (!Files.exists(base)) {
                throw new ScenarioException(where + ": base claim '" + item.get("base").asText()
                        + "' not found in " + BASES);
            }
            merged = mergePatch(Json.mapper().readTree(Files.readString(base)), claimNode);
        }
        try {
            Claim claim = Json.mapper().treeToValue(merged, Claim.class);
            Expectation expect = item.hasNonNull("expect")
                    ? Json.mapper().treeToValue(item.get("expect"), Expectation.class) : null;
            return new ScenarioCase(claim, expect);
        } catch (JsonProcessingException e) {
            throw new ScenarioException(where + ": " + e.getOriginalMessage());
        }
    }

    /** RFC 7386 JSON merge patch. */
    static JsonNode mergePatch(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch;
        }
        ObjectNode result = target != null && target.isObject() ? ((ObjectNode) target).deepCopy()
                : Json.mapper().createObjectNode();
        Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            if (f.getValue().isNull()) {
                result.remove(f.getKey());
            } else {
                result.set(f.getKey(), mergePatch(result.get(f.getKey()), f.getValue()));
            }
        }
        return result;
    }
}
