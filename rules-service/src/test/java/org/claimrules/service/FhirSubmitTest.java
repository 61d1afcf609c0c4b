package org.claimrules.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.claimrules.engine.ClaimEngine;
import org.claimrules.engine.RulesetLoader;
import org.claimrules.formats.PayersTable;
import org.claimrules.formats.fhir.Fhir;
import org.claimrules.formats.fhir.FhirSubmit;
import org.claimrules.history.JdbcHistoryStore;
import org.hl7.fhir.r4.model.ClaimResponse;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code POST /fhir/Claim/$submit} over real HTTP on loopback: a FHIR Claim in, its ClaimResponse out. */
class FhirSubmitTest {

    static ClaimEngine engine;

    @TempDir
    Path dir;

    ClaimServer server;
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeAll
    static void engine() throws Exception {
        engine = ClaimEngine.bundled();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    /** A sample of shared/samples/fhir, read in place beside the project. */
    static String sample(String name) throws Exception {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path file = p.resolve("shared/samples/fhir").resolve(name);
            if (Files.exists(file)) {
                return Files.readString(file);
            }
        }
        throw new IllegalStateException("shared/samples/fhir/" + name + " not found beside the project");
    }

    private static IParser strict() {
        return Fhir.context().newJsonParser().setParserErrorHandler(new StrictErrorHandler());
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Content-Type", "application/fhir+json").timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> delete(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(60)).DELETE().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aClaimIsAnsweredWithTheClaimResponseOfItsResult() throws Exception {
        server = ClaimServer.start(engine, null, ClaimServer.Options.defaults(0));
        String claim = sample("Claim-MED-00050-facet.json");

        HttpResponse<String> r = post("/fhir/Claim/$submit", claim);

        assertEquals(200, r.statusCode(), r.body());
        assertEquals("application/fhir+json", r.headers().firstValue("Content-Type").orElse(null));
        ClaimResponse response = strict().parseResource(ClaimResponse.class, r.body());
        assertEquals(ClaimResponse.RemittanceOutcome.COMPLETE, response.getOutcome());
        FhirSubmit.Submitted read = new FhirSubmit(PayersTable.load(RulesetLoader.bundledRoot())).read(claim);
        var result = engine.score(read.read().claim());
        assertEquals(result.disposition().name(), response.getDisposition());
        assertEquals(result.edits().size(), response.getProcessNote().stream()
                .filter(n -> n.getText().startsWith("FJ-")).count(), r.body());
        assertTrue(result.edits().size() > 0, "the facet copy gets facet edits");
        // the escaped form of the operation's name is the same endpoint
        assertEquals(200, post("/fhir/Claim/%24submit", claim).statusCode());
    }

    @Test
    void aSubmittedClaimIsRecordedAndADryRunIsNot() throws Exception {
        server = ClaimServer.start(engine, JdbcHistoryStore.open("jdbc:h2:file:" + dir.resolve("history"), 4),
                ClaimServer.Options.defaults(0));
        String claim = sample("Claim-MED-00050-facet.json");
        String claimId = new FhirSubmit(PayersTable.load(RulesetLoader.bundledRoot())).read(claim).read().claim().claimId();

        assertEquals(200, post("/fhir/Claim/$submit?dryRun=true", claim).statusCode());
        assertEquals(404, delete("/v1/claims/" + claimId).statusCode(), "a dry run records nothing");

        assertEquals(200, post("/fhir/Claim/$submit", claim).statusCode());
        assertEquals(200, delete("/v1/claims/" + claimId).statusCode(), "the claim was recorded: it can be voided");
    }

    @Test
    void aClaimThatCannotBeScoredIsAnOperationOutcomeNamingTheElement() throws Exception {
        server = ClaimServer.start(engine, null, ClaimServer.Options.defaults(0));

        HttpResponse<String> r = post("/fhir/Claim/$submit", sample("Claim-100153.json"));

        assertEquals(422, r.statusCode(), r.body());
        assertEquals("application/fhir+json", r.headers().firstValue("Content-Type").orElse(null));
        OperationOutcome o = strict().parseResource(OperationOutcome.class, r.body());
        assertEquals(1, o.getIssue().size());
        OperationOutcome.OperationOutcomeIssueComponent issue = o.getIssue().get(0);
        assertEquals(OperationOutcome.IssueSeverity.ERROR, issue.getSeverity());
        assertEquals("use", issue.getExpression().get(0).getValue());
        assertEquals("INVALID_VALUE", issue.getDetails().getCodingFirstRep().getCode());
    }

    @Test
    void aBodyThatIsNotAFhirResourceIsABadRequest() throws Exception {
        server = ClaimServer.start(engine, null, ClaimServer.Options.defaults(0));

        HttpResponse<String> notJson = post("/fhir/Claim/$submit", "{\"resourceType\": \"Claim\", ");
        assertEquals(400, notJson.statusCode(), notJson.body());
        assertEquals(OperationOutcome.IssueType.STRUCTURE,
                strict().parseResource(OperationOutcome.class, notJson.body()).getIssueFirstRep().getCode());

        HttpResponse<String> patient = post("/fhir/Claim/$submit", "{\"resourceType\":\"Patient\",\"id\":\"p1\"}");
        assertEquals(422, patient.statusCode(), patient.body());
        assertTrue(patient.body().contains("not a Claim"), patient.body());

        HttpResponse<String> two = post("/fhir/Claim/$submit", sample("Claim-MED-00050.json").replace("\n", " ") + "\n"
                + sample("Claim-MED-00050-facet.json").replace("\n", " ") + "\n");
        assertEquals(422, two.statusCode(), two.body());
        assertTrue(two.body().contains("one Claim"), two.body());
    }
}
