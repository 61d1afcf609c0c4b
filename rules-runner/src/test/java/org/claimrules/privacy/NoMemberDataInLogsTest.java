package org.claimrules.privacy;

import static org.claimrules.testing.TestClaims.valid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.claimrules.batch.BatchScorer;
import org.claimrules.cli.ClaimRulesCli;
import org.claimrules.io.ClaimReader;
import org.claimrules.io.Json;
import org.claimrules.testing.Rulesets;
import org.claimrules.testing.TestClaims;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Logs and standard error carry claim IDs and counts, never a member ID, a birth date or a
 * diagnosis: not for good claims, not for bad records, not when a rule crashes with the claim's
 * data in its exception message.
 */
class NoMemberDataInLogsTest {

    private static final String MEMBER = "MBR-SECRET-4417";
    private static final String BIRTH = "1931-07-19";
    private static final String BAD_BIRTH = "1931-02-30";
    private static final List<String> DIAGNOSES = List.of("M47.817", "Z99.8917");
    /** What must never appear, also as the engine normalises codes (without the dot). */
    private static final List<String> SECRETS = List.of(MEMBER, BIRTH, BAD_BIRTH, "M47.817", "M47817",
            "Z99.8917", "Z998917");

    /** A rule an analyst might write carelessly: it fails with the claim's data in its message. */
    private static final String CRASHING_RULE = """
            package rules.zz;

            import org.claimrules.model.*;

            rule "Test rule that fails on BOOM claims"
            when
                $c : Claim( claimId.startsWith("BOOM") )
            then
                throw new IllegalStateException("cannot score member " + $c.patient().memberId()
                        + " born " + $c.patient().birthDate() + " with " + $c.diagnoses() + ": " + $c);
            end
            """;

    @TempDir
    Path dir;

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private PrintStream originalErr;
    private Level originalLevel;

    @BeforeEach
    void capture() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        appender.setContext(context);
        appender.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
        Logger ours = context.getLogger("org.claimrules");
        originalLevel = ours.getLevel();
        ours.setLevel(Level.TRACE);
        originalErr = System.err;
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void release() {
        System.setErr(originalErr);
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(appender);
        context.getLogger("org.claimrules").setLevel(originalLevel);
    }

    private static ObjectNode secretClaim(String claimId) {
        ObjectNode claim = valid(claimId, MEMBER);
        claim.with("patient").put("birthDate", BIRTH);
        claim.putArray("diagnoses").add(DIAGNOSES.get(0)).add(DIAGNOSES.get(1));
        return claim;
    }

    @Test
    void scoringGoodAndBadRecordsLogsNoMemberData() {
        ObjectNode badBirth = secretClaim("C-BAD-BIRTH");
        badBirth.with("patient").put("birthDate", BAD_BIRTH);
        ObjectNode badDiagnosis = secretClaim("C-BAD-DX");
        ((ObjectNode) badDiagnosis.withArray("lines").get(0)).put("units", 0);
        ObjectNode unknownProfile = secretClaim("C-BAD-PROFILE");
        unknownProfile.with("payer").put("profile", "NOPE");
        List<ClaimReader.Read> reads = List.of(
                ClaimReader.read(secretClaim("C-GOOD").toString(), 1),
                ClaimReader.read(badBirth.toString(), 2),
                ClaimReader.read(badDiagnosis.toString(), 3),
                ClaimReader.read(unknownProfile.toString(), 4),
                ClaimReader.read(secretClaim("C-BROKEN").toString().substring(0, 300), 5));

        new BatchScorer(TestClaims.engine(), 2).score(reads);
        TestClaims.engine().score(reads.get(0).claim());

        assertNoSecrets(logText() + stderr.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aRuleThatCrashesWithClaimDataInItsMessageLeaksNothing() throws IOException {
        Path rules = rulesetWith(CRASHING_RULE);
        Path in = dir.resolve("claims.jsonl");
        Path out = dir.resolve("results.jsonl");
        Files.writeString(in, String.join("\n", secretClaim("C-1").toString(), secretClaim("BOOM-2").toString(),
                secretClaim("C-3").toString()) + "\n");

        int status = ClaimRulesCli.run("score", "--rules", rules.toString(), "--input", in.toString(),
                "--output", out.toString(), "--threads", "2");

        List<String> results = Files.readAllLines(out);
        JsonNode crashed = Json.mapper().readTree(results.get(1));
        assertEquals(1, status);
        assertEquals("ENGINE_ERROR", crashed.path("error").path("code").asText(), crashed::toString);
        assertTrue(Json.mapper().readTree(results.get(0)).has("disposition"));
        assertTrue(Json.mapper().readTree(results.get(2)).has("disposition"));
        String logged = logText();
        assertTrue(logged.contains("BOOM-2"), "the engine error is logged by claim ID:\n" + logged);
        assertNoSecrets(logged + stderr.toString(StandardCharsets.UTF_8) + results.get(1));
    }

    private String logText() {
        PatternLayout layout = new PatternLayout();
        layout.setContext(appender.getContext());
        layout.setPattern("%level %logger %msg%n%ex{full}");
        layout.start();
        StringBuilder text = new StringBuilder();
        for (ILoggingEvent event : appender.list) {
            text.append(layout.doLayout(event));
        }
        return text.toString();
    }

    private static void assertNoSecrets(String text) {
        for (String secret : SECRETS) {
            assertFalse(text.contains(secret), () -> "'" + secret + "' appears in:\n" + text);
        }
    }

    /** A copy of the bundled ruleset folder with one more rule file. */
    private Path rulesetWith(String drl) throws IOException {
        Path target = Rulesets.copyOfBundled(dir.resolve("ruleset"));
        Path file = target.resolve("rules/zz/crashing.drl");
        Files.createDirectories(file.getParent());
        Files.writeString(file, drl);
        return target;
    }
}
