package org.claimrules.batch;

import java.util.ArrayList;
import java.util.List;
import org.claimrules.engine.ClaimEngine;
import org.claimrules.engine.RulesetException;
import org.claimrules.generate.ClaimGenerator;
import org.claimrules.io.Json;

/** Shared inputs: one engine per test JVM, generated claims with a few unreadable records mixed in. */
final class TestData {

    private static ClaimEngine engine;

    private TestData() {
    }

    static synchronized ClaimEngine engine() throws RulesetException {
        if (engine == null) {
            engine = ClaimEngine.bundled();
        }
        return engine;
    }

    static List<String> lines(long seed, int count) throws Exception {
        ClaimGenerator g = new ClaimGenerator(seed, count, 5);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            lines.add(Json.mapper().writeValueAsString(g.claim(i)));
            if (i % 500 == 7) {
                lines.add("{\"claimId\": \"broken\", ");
            }
            if (i % 700 == 3) {
                lines.add("[1, 2]");
            }
        }
        return lines;
    }

    static String text(List<String> lines) {
        StringBuilder sb = new StringBuilder();
        for (String l : lines) {
            sb.append(l).append('\n');
        }
        return sb.toString();
    }
}
