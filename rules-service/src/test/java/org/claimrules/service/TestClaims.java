package org.claimrules.service;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.claimrules.io.Json;

/**
 * Claims for the service tests: the bundled COMMERCIAL lumbar diagnostic base claim (clean: it is
 * accepted on its own), with one facet line per service date given. COMMERCIAL covers 4 diagnostic
 * sessions per region in 12 months (FJ-FREQ-001 past that).
 */
final class TestClaims {

    static final String CAP_EDIT = "FJ-FREQ-001";

    private TestClaims() {
    }

    static String diagnostic(String claimId, String memberId, String... dates) {
        ObjectNode claim = base();
        claim.put("claimId", claimId);
        ((ObjectNode) claim.get("patient")).put("memberId", memberId);
        ObjectNode line = (ObjectNode) claim.get("lines").get(0);
        ArrayNode lines = claim.putArray("lines");
        for (int i = 0; i < dates.length; i++) {
            lines.add(line.deepCopy().put("lineNumber", i + 1).put("serviceDate", dates[i]));
        }
        return claim.toString();
    }

    private static ObjectNode base() {
        try (InputStream in = TestClaims.class.getResourceAsStream("/scenarios/bases/commercial-lumbar-diagnostic.json")) {
            return (ObjectNode) Json.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
