package org.claimrules.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.claimrules.engine.ClaimEngine;
import org.claimrules.engine.RulesetExporter;
import org.claimrules.engine.RulesetLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rule that fails on one claim, and rulesets reloaded while serving: good ones swap in, broken ones never do. */
class RulesetFaultsTest {

    static final String TRIPPING_RULE = """
            package rules.zz;

            import org.claimrules.model.*;

            rule "Derive: fail on claim TRIP-1 (test fixture)"
            when
                Claim( claimId == "TRIP-1" )
            then
                throw new IllegalStateException("tripped on purpose");
            end
            """;

    @Test
    void aClaimThatTripsTheEngineIsAnEngineErrorAndReloadsKeepTheWorkingRuleset(@TempDir Path dir) throws Exception {
        Path rules = dir.resolve("rules");
        RulesetExporter.export(RulesetLoader.bundledRoot(), rules);
        Path tripping = rules.resolve("rules/zz/tripping.drl");
        Files.createDirectories(tripping.getParent());
        Files.writeString(tripping, TRIPPING_RULE);
        ClaimEngine engine = ClaimEngine.fromDirectory(rules);
        ClaimServer server = ClaimServer.start(engine, null, ClaimServer.Options.defaults(0).withRulesDir(rules));
        try {
            Http http = new Http(server.port());
            Http.Answer tripped = http.post("/v1/claims", TestClaims.diagnostic("TRIP-1", "M-1", "2026-03-02"));
            assertEquals(500, tripped.status());
            assertEquals("ENGINE_ERROR", tripped.json().path("error").path("code").asText());
            assertEquals("TRIP-1", tripped.json().path("claimId").asText());
            assertEquals(200, http.post("/v1/claims", TestClaims.diagnostic("OK-1", "M-1", "2026-03-02")).status(),
                    "the service stays up");

            String working = http.get("/v1/health").json().path("rulesetVersion").asText();
            Files.writeString(rules.resolve("rules/zz/broken.drl"), "package rules.zz;\nrule \"Derive: broken\"\nwhen\n  Claim( nosuchfield == 1 )\nthen\nend\n");
            Http.Answer refused = http.post("/v1/ruleset/reload", "");
            assertEquals(422, refused.status(), refused.body());
            JsonNode problems = refused.json().path("problems");
            assertFalse(problems.isEmpty());
            assertEquals(working, refused.json().path("rulesetVersion").asText());
            assertEquals(working, http.get("/v1/health").json().path("rulesetVersion").asText(), "the old ruleset still serves");
            assertEquals(500, http.post("/v1/claims", TestClaims.diagnostic("TRIP-1", "M-1", "2026-03-02")).status());

            Files.delete(rules.resolve("rules/zz/broken.drl"));
            Files.delete(tripping);
            Http.Answer replaced = http.post("/v1/ruleset/reload", "");
            assertEquals(200, replaced.status(), replaced.body());
            assertNotEquals(working, replaced.json().path("rulesetVersion").asText());
            assertEquals(200, http.post("/v1/claims", TestClaims.diagnostic("TRIP-1", "M-1", "2026-03-02")).status(),
                    "the new ruleset serves");
            String metrics = http.get("/metrics").body();
            assertTrue(metrics.contains("claimrules_ruleset_reloads_total{outcome=\"refused\"} 1.0"), metrics);
        } finally {
            server.stop();
        }
    }
}
