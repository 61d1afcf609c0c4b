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
import java.util.Set;
import java.util.stream.Stream;
import org.claimrules.io.Json;
import org.claimrules.model.Claim;

/**
 * Reads the scenario files of a ruleset ({@code scenarios/**}/*.json in any folder, except the
 * base claims in {@code scenarios/bases/}). A scenario either has one {@code claim} and
 * {@code expect}, or a {@code batch} of such items. A claim may name a {@code base} claim that it
 * patches (JSON merge patch, RFC 7386: objects merge, anything else replaces, null removes), so
 * that each scenario shows only what differs from a clean claim. The format is strict
 * (docs/scenarios.md): a field it does not define, at any level, claim included, is an error.
 */
public final class ScenarioLoader {

    public static final String FOLDER = "scenarios";
    public static final String BASES = "scenarios/bases";

    private static final Set<String> SINGLE_KEYS = Set.of("description", "base", "claim", "expect");
    private static final Set<String> BATCH_KEYS = Set.of("description", "batch");
    private static final Set<String> ITEM_KEYS = Set.of("base", "claim", "expect");

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
        return parse(root, root.relativize(file).toString().replace('\\', '/'), Files.readString(file));
    }

    /**
     * Reads one scenario from its text; {@code name} is its path in the ruleset, {@code root} the
     * ruleset whose {@code scenarios/bases/} it may name. Every problem of the file is reported at
     * once, each with its field.
     */
    public static Scenario parse(Path root, String name, String text) throws IOException, ScenarioException {
        JsonNode node;
        try {
            node = Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new ScenarioException(name + ": not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new ScenarioException(name + ": a scenario is a JSON object");
        }
        List<String> problems = new ArrayList<>();
        boolean batch = node.has("batch");
        unknownKeys(node, batch ? BATCH_KEYS : SINGLE_KEYS, "", problems);
        if (node.has("description") && !node.get("description").isTextual()) {
            problems.add("description: must be text");
        }
        List<ScenarioCase> cases = new ArrayList<>();
        if (!batch) {
            if (!node.hasNonNull("expect")) {
                problems.add("expect: required (what the claim must get; see docs/scenarios.md)");
            }
            readCase(root, "", node, cases, problems);
        } else if (!node.get("batch").isArray() || node.get("batch").isEmpty()) {
            problems.add("batch: must be a non-empty array of {base, claim, expect}");
        } else {
            int i = 0;
            for (JsonNode item : node.get("batch")) {
                String where = "batch[" + i++ + "]";
                if (!item.isObject()) {
                    problems.add(where + ": must be an object");
                    continue;
                }
                unknownKeys(item, ITEM_KEYS, where, problems);
                readCase(root, where, item, cases, problems);
            }
            if (problems.isEmpty() && cases.stream().allMatch(c -> c.expect() == null)) {
                problems.add("batch: no claim has an 'expect', so the scenario checks nothing");
            }
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(name + ": " + String.join("; ", problems));
        }
        return new Scenario(name, node.path("description").asText(name), cases);
    }

    private static void unknownKeys(JsonNode node, Set<String> known, String where, List<String> problems) {
        node.fieldNames().forEachRemaining(key -> {
            if (!known.contains(key)) {
                problems.add(StrictFields.join(where, key) + ": unknown field (expected "
                        + String.join(", ", known.stream().sorted().toList()) + ")");
            }
        });
    }

    private static void readCase(Path root, String where, JsonNode item, List<ScenarioCase> cases, List<String> problems)
            throws IOException {
        JsonNode claimNode = item.get("claim");
        String claimAt = StrictFields.join(where, "claim");
        if (claimNode == null || !claimNode.isObject()) {
            problems.add(claimAt + ": required, an object");
            return;
        }
        JsonNode merged = claimNode;
        JsonNode baseName = item.get("base");
        if (baseName != null && !baseName.isNull()) {
            Path base = baseName.isTextual() ? root.resolve(BASES).resolve(baseName.asText() + ".json") : null;
            if (base == null || !Files.isRegularFile(base)) {
                problems.add(StrictFields.join(where, "base") + ": no base claim " + baseName + " in " + BASES);
                return;
            }
            try {
                merged = mergePatch(Json.mapper().readTree(Files.readString(base)), claimNode);
            } catch (JsonProcessingException e) {
                problems.add(StrictFields.join(where, "base") + ": " + BASES + "/" + baseName.asText()
                        + ".json is not valid JSON: " + e.getOriginalMessage());
                return;
            }
        }
        StrictFields.Bound<Claim> claim = StrictFields.bind(merged, Claim.class, claimAt);
        problems.addAll(claim.problems().stream().map(p -> fromBase(p, claimAt, claimNode, baseName)).toList());
        Expectation expect = null;
        if (item.hasNonNull("expect")) {
            String expectAt = StrictFields.join(where, "expect");
            StrictFields.Bound<Expectation> bound = StrictFields.bind(item.get("expect"), Expectation.class, expectAt);
            problems.addAll(bound.problems());
            expect = bound.value();
            if (expect != null) {
                requiredFields(expect, expectAt, problems);
            }
        }
        if (claim.value() != null) {
            cases.add(new ScenarioCase(claim.value(), expect, where));
        }
    }

    /** Says so when an unknown field of the claim comes from its base file rather than from the scenario. */
    private static String fromBase(String problem, String claimAt, JsonNode patch, JsonNode baseName) {
        if (baseName == null || baseName.isNull() || !problem.startsWith(claimAt + ".")) {
            return problem;
        }
        String field = problem.substring(claimAt.length() + 1, problem.indexOf(':'));
        String pointer = "/" + field.replaceAll("\\[(\\d+)]", "/$1").replace('.', '/');
        return patch.at(pointer).isMissingNode() ? problem + " (in base " + baseName.asText() + ")" : problem;
    }

    private static void requiredFields(Expectation expect, String at, List<String> problems) {
        for (int i = 0; i < expect.edits().size(); i++) {
            String id = expect.edits().get(i).editId();
            if (id == null || id.isBlank()) {
                problems.add(at + ".edits[" + i + "].editId: required");
            }
        }
        for (int i = 0; i < expect.lines().size(); i++) {
            if (expect.lines().get(i).lineNumber() < 1) {
                problems.add(at + ".lines[" + i + "].lineNumber: required, a line number of the claim");
            }
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
