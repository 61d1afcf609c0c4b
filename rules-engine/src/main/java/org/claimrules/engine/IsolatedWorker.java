package org.claimrules.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.claimrules.model.Claim;
import org.claimrules.model.HistoryEntry;

/**
 * The child process of {@link Isolation}: loads a folder's ruleset from its compiled rules and
 * scores one claim per request line of standard input, answering each with one line on standard
 * output, until standard input ends (the parent exited or let it go). Its first line says it is
 * ready, with the ruleset's version, or why it cannot load. Nothing else is written to standard
 * output: the rules' and the libraries' output goes to standard error.
 *
 * <p>Request: {@code {"budgetMillis": n, "claim": {...}, "earlier": [history entries]}}. Answer:
 * {@code {"result": {...}, "recorded": [history entries]}}, or {@code {"error": "...", "rule":
 * "..."}} with the engine error's message (it holds no claim content).
 */
final class IsolatedWorker {

    private IsolatedWorker() {
    }

    /** Arguments: the ruleset folder and the file holding its compiled rules. */
    public static void main(String[] args) throws IOException {
        endWithParent();
        PrintStream protocol = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false,
                StandardCharsets.UTF_8);
        System.setOut(System.err);
        ObjectMapper json = Isolation.JSON;
        ClaimEngine engine;
        try {
            engine = new ClaimEngine(RulesetLoader.fromCompiled(Path.of(args[0]), Files.readAllBytes(Path.of(args[1]))));
        } catch (RulesetException | IOException | RuntimeException e) {
            answer(protocol, json.createObjectNode().put("failed", "the ruleset cannot be loaded: " + e.getMessage()));
            return;
        }
        answer(protocol, json.createObjectNode().put("ready", engine.version()));
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            answer(protocol, score(engine, json, json.readTree(line)));
        }
    }

    /**
     * Ends this process when its parent is gone, even while a rule loops: the parent normally
     * stops a child that overruns, but a parent that was killed cannot.
     */
    private static void endWithParent() {
        ProcessHandle parent = ProcessHandle.current().parent().orElse(null);
        if (parent == null) {
            return;
        }
        Thread watch = new Thread(() -> {
            while (parent.isAlive()) {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
            Runtime.getRuntime().halt(3);
        }, "claimrules-parent-watch");
        watch.setDaemon(true);
        watch.start();
    }

    private static ObjectNode score(ClaimEngine engine, ObjectMapper json, JsonNode request) throws IOException {
        Claim claim = json.treeToValue(request.get("claim"), Claim.class);
        List<HistoryEntry> earlier = json.convertValue(request.get("earlier"), Isolation.HISTORY);
        engine.setClaimBudget(Duration.ofMillis(request.get("budgetMillis").asLong()));
        ObjectNode answer = json.createObjectNode();
        try {
            Evaluation e = engine.evaluate(claim, earlier, null);
            answer.set("result", json.valueToTree(e.result()));
            answer.set("recorded", json.valueToTree(e.recorded()));
        } catch (EngineErrorException | InvalidClaimException e) {
            answer.put("error", e.getMessage());
            if (e instanceof EngineErrorException ee && ee.rule() != null) {
                answer.put("rule", ee.rule());
            }
        }
        return answer;
    }

    private static void answer(PrintStream out, ObjectNode answer) throws IOException {
        out.write(Isolation.JSON.writeValueAsBytes(answer));
        out.write('\n');
        out.flush();
    }
}
