package org.claimrules.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import org.claimrules.engine.ClaimEngine;
import org.claimrules.history.HistoryStore;
import org.claimrules.history.JdbcHistoryStore;
import org.claimrules.io.ClaimReader;
import org.claimrules.io.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The service over real HTTP on loopback, with an embedded H2 history in a temporary folder. */
class ClaimServerTest {

    static ClaimEngine engine;

    @TempDir
    Path dir;

    ClaimServer server;
    Http http;

    @BeforeAll
    static void engine() throws Exception {
        engine = ClaimEngine.bundled();
    }

    void start(HistoryStore store) throws Exception {
        server = ClaimServer.start(engine, store, ClaimServer.Options.defaults(0));
        http = new Http(server.port());
    }

    void startWithHistory() throws Exception {
        start(JdbcHistoryStore.open("jdbc:h2:file:" + dir.resolve("history"), 4));
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void aClaimIsAnsweredWithTheResultTheEngineGives() throws Exception {
        start(null);
        String claim = TestClaims.diagnostic("C-1", "M-1", "2026-03-02");
        Http.Answer a = http.post("/v1/claims", claim);

        assertEquals(200, a.status());
        String expected = Json.mapper().writeValueAsString(engine.score(ClaimReader.read(claim, 1).claim()));
        assertEquals(Json.mapper().readTree(expected), a.json());
    }

    @Test
    void theMembersEarlierClaimsCountAcrossRequestsAndAcrossRestarts() throws Exception {
        startWithHistory();
        String[] dates = {"2026-03-02", "2026-03-16", "2026-03-30", "2026-04-13"};
        for (int i = 0; i < dates.length; i++) {
            Http.Answer a = http.post("/v1/claims", TestClaims.diagnostic("C-" + i, "M-1", dates[i]));
            assertFalse(a.editIds().contains(TestClaims.CAP_EDIT), a.body());
        }
        String fifth = TestClaims.diagnostic("C-5", "M-1", "2026-04-27");
        assertTrue(http.post("/v1/claims?dryRun=true", fifth).editIds().contains(TestClaims.CAP_EDIT),
                "the fifth diagnostic session of the member in 12 months is over the cap");
        assertFalse(http.post("/v1/claims?dryRun=true", TestClaims.diagnostic("C-6", "M-2", "2026-04-27"))
                .editIds().contains(TestClaims.CAP_EDIT), "another member's claims do not count");

        server.stop();
        startWithHistory();
        assertTrue(http.post("/v1/claims", fifth).editIds().contains(TestClaims.CAP_EDIT),
                "the history outlives the process");
    }

    @Test
    void withoutHistoryEachClaimCountsOnlyWhatItCarries() throws Exception {
        start(null);
        String[] dates = {"2026-03-02", "2026-03-16", "2026-03-30", "2026-04-13"};
        for (int i = 0; i < dates.length; i++) {
            http.post("/v1/claims", TestClaims.diagnostic("C-" + i, "M-1", dates[i]));
        }
        assertFalse(http.post("/v1/claims", TestClaims.diagnostic("C-5", "M-1", "2026-04-27")).editIds()
                .contains(TestClaims.CAP_EDIT));
    }

    @Test
    void aDryRunRecordsNothing() throws Exception {
        startWithHistory();
        String[] dates = {"2026-03-02", "2026-03-16", "2026-03-30", "2026-04-13"};
        for (int i = 0; i < dates.length; i++) {
            http.post("/v1/claims?dryRun=" + (i == 3), TestClaims.diagnostic("C-" + i, "M-1", dates[i]));
        }
        assertFalse(http.post("/v1/claims", TestClaims.diagnostic("C-5", "M-1", "2026-04-27")).editIds()
                .contains(TestClaims.CAP_EDIT), "three sessions were recorded, not four");
    }

    @Test
    void aClaimSentAgainReplacesItselfAndAVoidedClaimNoLongerCounts() throws Exception {
        startWithHistory();
        http.post("/v1/claims", TestClaims.diagnostic("C-0", "M-1", "2026-03-02"));
        http.post("/v1/claims", TestClaims.diagnostic("C-1", "M-1", "2026-03-16"));
        http.post("/v1/claims", TestClaims.diagnostic("C-2", "M-1", "2026-03-30"));
        // A corrected C-2 (another date): it replaces the first C-2, it does not add to it.
        http.post("/v1/claims", TestClaims.diagnostic("C-2", "M-1", "2026-03-31"));
        String fourth = TestClaims.diagnostic("C-3", "M-1", "2026-04-13");
        String fifth = TestClaims.diagnostic("C-4", "M-1", "2026-04-27");
        http.post("/v1/claims", fourth);
        assertTrue(http.post("/v1/claims?dryRun=true", fifth).editIds().contains(TestClaims.CAP_EDIT));

        Http.Answer voided = http.delete("/v1/claims/C-3");
        assertEquals(200, voided.status(), voided.body());
        assertFalse(http.post("/v1/claims?dryRun=true", fifth).editIds().contains(TestClaims.CAP_EDIT),
                "with C-3 voided the member has three sessions");
        assertEquals(404, http.delete("/v1/claims/C-3").status());
    }

    @Test
    void eachKindOfBadRequestHasItsStatusAndARecordNamingWhatIsWrong() throws Exception {
        start(null);
        Http.Answer unreadable = http.post("/v1/claims", "{\"claimId\": ");
        assertEquals(400, unreadable.status());
        assertEquals("INVALID_JSON", unreadable.json().path("error").path("code").asText());

        Http.Answer notScorable = http.post("/v1/claims", "{\"claimId\":\"X-1\"}");
        assertEquals(422, notScorable.status());
        assertEquals("X-1", notScorable.json().path("claimId").asText());
        assertEquals("MISSING_FIELD", notScorable.json().path("error").path("code").asText());

        String huge = "{\"claimId\":\"" + "x".repeat(ClaimReader.MAX_RECORD_CHARS) + "\"}";
        Http.Answer tooLarge = http.post("/v1/claims", huge);
        assertEquals(413, tooLarge.status());
        assertEquals("TOO_LARGE", tooLarge.json().path("error").path("code").asText());

        assertEquals(400, http.post("/v1/claims?dryRun=maybe", TestClaims.diagnostic("C", "M", "2026-03-02")).status());
        assertEquals(405, http.get("/v1/claims").status());
        assertEquals(404, http.get("/v1/nothing-here").status());
        assertEquals(409, http.post("/v1/ruleset/reload", "").status(), "the bundled ruleset has no folder to reload");
        assertEquals(409, http.delete("/v1/claims/C-1").status(), "nothing to void without a history");
    }

    @Test
    void aBodySentInChunksPastTheLimitIsRefusedToo() throws Exception {
        start(null);
        byte[] chunk = new byte[64 * 1024];
        java.util.Arrays.fill(chunk, (byte) ' ');
        java.util.List<byte[]> chunks = java.util.Collections.nCopies(20, chunk);
        Http.Answer a = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/v1/claims"))
                .POST(HttpRequest.BodyPublishers.ofByteArrays(chunks)));
        assertEquals(413, a.status());
    }

    @Test
    void healthSaysTheRulesetVersionAndMetricsCountClaimsByDisposition() throws Exception {
        startWithHistory();
        Http.Answer health = http.get("/v1/health");
        assertEquals(200, health.status());
        assertEquals("UP", health.json().path("status").asText());
        assertEquals(engine.ruleset().version(), health.json().path("rulesetVersion").asText());

        String disposition = http.post("/v1/claims", TestClaims.diagnostic("C-1", "M-1", "2026-03-02"))
                .json().path("disposition").asText();
        http.post("/v1/claims?dryRun=true", TestClaims.diagnostic("C-2", "M-1", "2026-03-09"));
        http.post("/v1/claims", "not json");

        String metrics = http.get("/metrics").body();
        assertTrue(metrics.contains("claimrules_claims_total{disposition=\"" + disposition + "\",recorded=\"true\"} 1.0"), metrics);
        assertTrue(metrics.contains("recorded=\"false\"} 1.0"), metrics);
        assertTrue(metrics.contains("claimrules_claim_errors_total{code=\"INVALID_JSON\"} 1.0"), metrics);
        assertTrue(metrics.contains("claimrules_http_request_duration_seconds_count{route=\"/v1/claims\",status=\"200\"} 2"), metrics);
        assertFalse(metrics.contains("M-1"), "no member ID in metrics");
    }

    @Test
    void theOpenApiDocumentDescribesEveryRoute() throws Exception {
        String doc = java.nio.file.Files.readString(Path.of("../docs/openapi.yaml"));
        for (String route : ClaimServer.ROUTES) {
            assertTrue(doc.contains("\n  " + route + ":\n"), "docs/openapi.yaml has no path " + route);
        }
    }
}
