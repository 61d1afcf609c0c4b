package org.claimrules.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.claimrules.io.ClaimReader;
import org.claimrules.model.Claim;
import org.claimrules.model.result.ClaimResult;
import org.claimrules.model.result.Outcome;
import org.claimrules.testing.ClaimGenerator;
import org.claimrules.testing.TestClaims;

/**
 * A claim's outcome depends on its own content and on its member's other claims in the batch,
 * and on nothing else: not on other members' claims, not on how the members are ordered, not on
 * the number of threads.
 */
class BatchIndependenceTest {

    private static final String SELF = "M-SELF";

    /** Seeds of the random batches; a failure names its seed, so it can be replayed. */
    static LongStream seeds() {
        return LongStream.rangeClosed(1, 60);
    }

    /** 1 to 12 claims of members M-1..M-4. */
    static List<Claim> batch(Random random) {
        return claims(random, () -> "M-" + (1 + random.nextInt(4)), 1, 12, "C-");
    }

    /** 1 to 3 claims of one member of our own. */
    static List<Claim> claimsOfOneMember(Random random) {
        return claims(random, () -> SELF, 1, 3, "S-");
    }

    private static List<Claim> claims(Random random, java.util.function.Supplier<String> member, int min, int max,
            String idPrefix) {
        int size = min + random.nextInt(max - min + 1);
        List<Claim> named = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            named.add(ClaimGenerator.claim(new Random(random.nextLong()), idPrefix + (i + 1), member.get()));
        }
        return named;
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aClaimsOutcomeDoesNotDependOnOtherMembersClaims(long seed) {
        Random random = new Random(seed);
        List<Claim> mine = claimsOfOneMember(random);
        List<Claim> mixed = new ArrayList<>(batch(random));
        mixed.addAll(mine);
        List<Claim> interleaved = interleavePerMember(mixed, random);

        Map<String, Outcome> alone = byClaimId(score(mine, 1));
        Map<String, Outcome> together = byClaimId(score(interleaved, 1));

        for (Claim c : mine) {
            assertEquals(alone.get(c.claimId()), together.get(c.claimId()), c.claimId());
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void outcomesDoNotDependOnTheOrderOfMembers(long seed) {
        Random random = new Random(seed);
        List<Claim> batch = batch(random);
        List<Claim> reordered = interleavePerMember(batch, random);

        assertEquals(byClaimId(score(batch, 1)), byClaimId(score(reordered, 1)));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void outcomesDoNotDependOnTheNumberOfThreads(long seed) {
        List<Claim> batch = batch(new Random(seed));
        assertEquals(score(batch, 1), score(batch, 4));
    }

    /** Keeps the properties honest: the generator must reach results and a spread of edits, not only errors. */
    @Test
    void generatedClaimsAreMostlyScoredAndFireManyEdits() {
        Random random = new Random(42);
        List<Claim> claims = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            claims.add(ClaimGenerator.claim(random, "G-" + i, "M-" + (i % 50)));
        }
        List<Outcome> outcomes = score(claims, 2);
        long results = outcomes.stream().filter(o -> o instanceof ClaimResult).count();
        Set<String> edits = new HashSet<>();
        outcomes.stream().filter(o -> o instanceof ClaimResult).map(o -> (ClaimResult) o)
                .forEach(r -> r.edits().forEach(e -> edits.add(e.editId())));

        assertTrue(results >= 360, "results: " + results);
        assertTrue(edits.size() >= 8, "edits fired: " + edits);
    }

    /** The same claims in another order: members' claims interleaved at random, each member's kept in order. */
    static List<Claim> interleavePerMember(List<Claim> claims, Random random) {
        Map<String, List<Claim>> byMember = new LinkedHashMap<>();
        List<String> slots = new ArrayList<>();
        for (Claim c : claims) {
            byMember.computeIfAbsent(c.memberId(), k -> new ArrayList<>()).add(c);
            slots.add(c.memberId());
        }
        Collections.shuffle(slots, random);
        Map<String, Integer> next = new LinkedHashMap<>();
        List<Claim> out = new ArrayList<>();
        for (String member : slots) {
            int i = next.merge(member, 1, Integer::sum) - 1;
            out.add(byMember.get(member).get(i));
        }
        return out;
    }

    static List<Outcome> score(List<Claim> claims, int threads) {
        List<ClaimReader.Read> reads = new ArrayList<>();
        for (int i = 0; i < claims.size(); i++) {
            reads.add(new ClaimReader.Read(i + 1, claims.get(i), null));
        }
        return new BatchScorer(TestClaims.engine(), threads).score(reads);
    }

    private static Map<String, Outcome> byClaimId(List<Outcome> outcomes) {
        return outcomes.stream().collect(Collectors.toMap(Outcome::claimId, Function.identity()));
    }
}
