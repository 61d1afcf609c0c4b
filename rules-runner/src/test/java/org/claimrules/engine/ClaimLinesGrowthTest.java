package org.claimrules.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.claimrules.io.ClaimReader;
import org.claimrules.model.Claim;
import org.claimrules.testing.TestClaims;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The work a claim's rules do grows linearly in its lines: a claim of four times the lines, all on
 * one date, holds at most about four times the partial matches in the Rete network and fires its
 * rules at most about four times as often, rule by rule (a rule that joined every line with every
 * other line of its date would grow sixteenfold). Counts, not times (RuleTuples); the claims are
 * shaped like the benchmark's (docs/benchmarks.md, "A claim of 999 lines") and, to reach the rules
 * that the benchmark's claim leaves quiet, with modifiers, ablation lines, the thoracolumbar
 * junction documented and diagnoses that support nothing.
 */
class ClaimLinesGrowthTest {

    private static final int N = 100;
    /** Growth allowed from N to 4N lines: linear is 4, quadratic 16. */
    private static final double MAX_GROWTH = 5.0;
    /** Counts this small may grow by any factor (a rule that fires once per code or region). */
    private static final long SMALL = 50;

    private static final List<String> BENCHMARK_CODES = List.of("64490", "64491", "64492", "64493", "64494", "64495",
            "77003", "77012", "99213", "20610");
    private static final List<String> BOTH_FAMILIES = List.of("64490", "64491", "64492", "64493", "64494", "64495",
            "64633", "64634", "64635", "64636", "77003");

    /** A claim of {@code count} one-unit lines on one date, codes and modifiers cycling. */
    static Claim claim(String shape, int count) {
        ObjectNode claim = TestClaims.valid("GROW-" + shape + "-" + count, "M-GROW");
        claim.remove("history");
        List<String> codes = BOTH_FAMILIES;
        List<List<String>> modifiers = List.of(List.of("RT"), List.of("LT", "KX"), List.of("50"), List.of("59", "51"));
        switch (shape) {
            case "benchmark" -> {
                codes = BENCHMARK_CODES;
                modifiers = List.of(List.of());
            }
            case "uncovered" -> {
                claim.putArray("diagnoses").add("Z00.00");
                modifiers = List.of(List.of("RT"), List.of("LT"));
            }
            default -> {
            }
        }
        if (!shape.equals("benchmark")) {
            ((ArrayNode) claim.get("clinical").get("levels")).add("T12-L1");
        }
        ArrayNode lines = claim.putArray("lines");
        for (int i = 0; i < count; i++) {
            ObjectNode line = TestClaims.line(i + 1, codes.get(i % codes.size()));
            ArrayNode m = line.putArray("modifiers");
            modifiers.get(i % modifiers.size()).forEach(m::add);
            line.put("serviceDate", "2026-03-02").put("charge", 100.00);
            lines.add(line);
        }
        ClaimReader.Read read = ClaimReader.read(claim.toString(), 1);
        assertTrue(read.ok(), () -> String.valueOf(read.error()));
        return read.claim();
    }

    @ParameterizedTest
    @ValueSource(strings = {"benchmark", "modifiers", "uncovered"})
    void fourTimesTheLinesIsAboutFourTimesTheWork(String shape) {
        Map<String, RuleTuples.Count> small = RuleTuples.of(TestClaims.engine(), claim(shape, N));
        Map<String, RuleTuples.Count> large = RuleTuples.of(TestClaims.engine(), claim(shape, 4 * N));
        List<String> superlinear = new ArrayList<>();
        check("all rules", RuleTuples.total(small), RuleTuples.total(large), superlinear);
        for (Map.Entry<String, RuleTuples.Count> e : large.entrySet()) {
            check(e.getKey(), small.getOrDefault(e.getKey(), new RuleTuples.Count(0, 0)), e.getValue(), superlinear);
        }
        assertTrue(superlinear.isEmpty(), () -> "from " + N + " to " + 4 * N + " lines (" + shape + "), more than "
                + MAX_GROWTH + " times the work:\n" + String.join("\n", superlinear));
    }

    private static void check(String rule, RuleTuples.Count small, RuleTuples.Count large, List<String> superlinear) {
        check(rule, "tuples", small, large, RuleTuples.Count::tuples, superlinear);
        check(rule, "firings", small, large, RuleTuples.Count::firings, superlinear);
    }

    private static void check(String rule, String what, RuleTuples.Count small, RuleTuples.Count large,
            ToLongFunction<RuleTuples.Count> count, List<String> superlinear) {
        long s = count.applyAsLong(small);
        long l = count.applyAsLong(large);
        if (l > SMALL && l > MAX_GROWTH * Math.max(s, 1)) {
            superlinear.add("  " + rule + ": " + what + " " + s + " -> " + l);
        }
    }
}
