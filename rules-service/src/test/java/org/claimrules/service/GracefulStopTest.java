package org.claimrules.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.claimrules.engine.RulesetExporter;
import org.claimrules.engine.RulesetLoader;
import org.claimrules.history.HistoryStore;
import org.claimrules.history.JdbcHistoryStore;
import org.claimrules.model.HistoryEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM to a running service: the claim being scored when the signal comes (held in a rule that
 * takes its time) is answered and recorded, and then the process exits.
 */
class GracefulStopTest {

    static final String SLOW_RULE = """
            package rules.zz;

            import org.claimrules.model.*;

            rule "Derive: take a while on claim SLOW-1 (test fixture)"
            when
                Claim( claimId == "SLOW-1" )
            then
                // busy for a moment without calling outside what rules may call (no Thread.sleep)
                double x = 0;
                for (int i = 0; i < 400_000_000; i++) { x += Math.sqrt(i); }
                if (x < 0) { throw new IllegalStateException("never"); }
            end
            """;

    @Test
    void aClaimInFlightAtSigtermIsAnsweredAndRecorded(@TempDir Path dir) throws Exception {
        Path rules = dir.resolve("rules");
        RulesetExporter.export(RulesetLoader.bundledRoot(), rules);
        Files.createDirectories(rules.resolve("rules/zz"));
        Files.writeString(rules.resolve("rules/zz/slow.drl"), SLOW_RULE);
        String url = "jdbc:h2:file:" + dir.resolve("history");
        Path portFile = dir.resolve("port");
        Path log = dir.resolve("service.log");
        Process service = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ServiceProcess.class.getName(),
                rules.toString(), url, portFile.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            while (!Files.exists(portFile)) {
                assertTrue(service.isAlive() && System.nanoTime() < until, () -> "the service did not start: " + read(log));
                Thread.sleep(100);
            }
            int port = Integer.parseInt(Files.readString(portFile).trim());
            HttpClient client = HttpClient.newHttpClient();
            CompletableFuture<HttpResponse<String>> slow = client.sendAsync(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/claims"))
                            .POST(HttpRequest.BodyPublishers.ofString(TestClaims.diagnostic("SLOW-1", "M-SLOW", "2026-03-02")))
                            .timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            Http http = new Http(port);
            // In flight: the slow claim and this metrics request itself.
            while (!http.get("/metrics").body().contains("claimrules_requests_in_flight 2.0")) {
                assertTrue(!slow.isDone(), "the slow claim was answered before the signal");
                Thread.sleep(50);
            }
            service.destroy(); // SIGTERM

            HttpResponse<String> answer = slow.get(60, TimeUnit.SECONDS);
            assertEquals(200, answer.statusCode(), answer.body());
            assertTrue(service.waitFor(60, TimeUnit.SECONDS), () -> "the service did not exit: " + read(log));
            assertEquals(143, service.exitValue(), () -> read(log));
        } finally {
            service.destroyForcibly();
        }
        try (HistoryStore store = JdbcHistoryStore.open(url, 2)) {
            List<HistoryEntry> recorded = store.forMember("M-SLOW", null);
            assertEquals(List.of("SLOW-1"), recorded.stream().map(HistoryEntry::claimId).toList(),
                    "the claim answered during the stop was recorded");
        }
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (java.io.IOException e) {
            return "(no log)";
        }
    }
}
