package org.claimrules.engine;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.claimrules.engine.internal.Watchdog;
import org.claimrules.io.Json;
import org.claimrules.model.Claim;
import org.claimrules.model.HistoryEntry;
import org.claimrules.model.result.ClaimResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scores a folder's ruleset in child JVMs ({@link IsolatedWorker}), one claim at a time per child,
 * so that a claim whose rules never return can be stopped: a consequence that loops in plain Java
 * ignores {@code halt()} and interrupts, but its process can be killed. The child's own watchdog
 * stops what can be stopped (rules that keep firing, waits) and answers with the engine error as
 * in process; when a child does not answer within its budget (twice the claim budget and a second
 * of its CPU time, or the wall-clock backstop and a second), it is killed, the claim is an engine
 * error, and the next claim gets a new child. The child loads the rules as the parent compiled
 * them (no second compilation) and the tables from the same folder, and must report the same
 * ruleset version. Children that are idle wait for the next claim, for 30 seconds at most; they
 * end with the parent (their standard input closes, and they watch the parent's process).
 */
final class Isolation {

    private static final Logger LOG = LoggerFactory.getLogger(Isolation.class);
    private static final long TICK_MILLIS = 20;
    private static final long GRACE_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final String EOF = "\u0000eof";
    /** A child idle this long is ended (a new one starts for the next claim); checked every few seconds. */
    private static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(30);
    private static final long IDLE_CHECK_MILLIS = 5_000;
    private static final long START_SECONDS = 120;

    /**
     * The project's JSON, with decimals kept exactly as they are in trees (Jackson's trees drop
     * trailing zeros by default: 51.10 would come back as 51.1, another result).
     */
    static final ObjectMapper JSON = Json.mapper().copy().setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    /** A member's history entries, as requests and answers carry them. */
    static final TypeReference<List<HistoryEntry>> HISTORY = new TypeReference<>() { };

    private final Ruleset ruleset;
    private final Supplier<byte[]> compiled;
    private final ConcurrentLinkedDeque<Child> idle = new ConcurrentLinkedDeque<>();
    private Path kjar;
    private volatile boolean closed;
    /** Why a child could not start: every later claim fails with it at once instead of starting another. */
    private volatile String cannotStart;
    private final AtomicBoolean reaping = new AtomicBoolean();

    Isolation(Ruleset ruleset, Supplier<byte[]> compiled) {
        this.ruleset = ruleset;
        this.compiled = compiled;
    }

    /** Scores the claim in a child process; throws {@link EngineErrorException} as the engine in process would. */
    Evaluation evaluate(Claim claim, List<HistoryEntry> earlier, long budgetMillis) {
        Child child = idle.pollFirst();
        if (child == null || !child.process.isAlive()) {
            child = start(claim.claimId());
        }
        ObjectNode request = JSON.createObjectNode();
        request.put("budgetMillis", budgetMillis);
        request.set("claim", JSON.valueToTree(claim));
        request.set("earlier", JSON.valueToTree(earlier));
        JsonNode answer = child.call(request, claim.claimId(), budgetMillis);
        park(child);
        if (answer.has("error")) {
            throw new EngineErrorException(claim.claimId(), answer.get("error").asText(),
                    answer.has("rule") ? answer.get("rule").asText() : null);
        }
        try {
            ClaimResult result = JSON.treeToValue(answer.get("result"), ClaimResult.class);
            List<HistoryEntry> recorded = JSON.convertValue(answer.get("recorded"), HISTORY);
            return new Evaluation(claim, result, recorded);
        } catch (IOException | IllegalArgumentException e) {
            throw new EngineErrorException(claim.claimId(), e);
        }
    }

    /** Puts a child that answered back for the next claim, and makes sure idle children are ended in time. */
    private void park(Child child) {
        child.idleSince = System.nanoTime();
        idle.addFirst(child);
        if (closed) {
            close();
        } else if (reaping.compareAndSet(false, true)) {
            Thread reaper = new Thread(this::reap, "claimrules-isolation-reaper");
            reaper.setDaemon(true);
            reaper.start();
        }
    }

    /** Ends children idle for {@link #IDLE_NANOS}; stops when none is idle. */
    private void reap() {
        while (true) {
            try {
                Thread.sleep(IDLE_CHECK_MILLIS);
            } catch (InterruptedException e) {
                reaping.set(false);
                return;
            }
            long now = System.nanoTime();
            for (Child c : idle) {
                if (now - c.idleSince > IDLE_NANOS && idle.remove(c)) {
                    c.process.destroy();
                }
            }
            if (idle.isEmpty()) {
                reaping.set(false);
                // a child parked since the check above restarts the reaping unless this thread takes it on
                if (idle.isEmpty() || !reaping.compareAndSet(false, true)) {
                    return;
                }
            }
        }
    }

    /**
     * Ends the idle children (the ruleset was replaced); a claim still being scored on this ruleset
     * finishes, and its child ends after it.
     */
    void close() {
        closed = true;
        for (Child c = idle.pollFirst(); c != null; c = idle.pollFirst()) {
            c.process.destroy();
        }
    }

    private Child start(String claimId) {
        if (cannotStart != null) {
            throw new EngineErrorException(claimId, "the engine failed on claim " + claimId + ": " + cannotStart, null);
        }
        Process process;
        try {
            ProcessBuilder builder = new ProcessBuilder(javaCommand(), "-XX:+UseSerialGC", "-Dclaimrules.logLevel=WARN", "-cp", System.getProperty("java.class.path"),
                    IsolatedWorker.class.getName(), ruleset.root().toString(), compiledRules().toString());
            builder.redirectError(ProcessBuilder.Redirect.INHERIT);
            process = builder.start();
        } catch (IOException e) {
            cannotStart = "the process that scores the ruleset's claims cannot be started (" + e.getMessage() + ")";
            throw new EngineErrorException(claimId, "the engine failed on claim " + claimId + ": " + cannotStart, null);
        }
        Child child = new Child(process);
        JsonNode first = child.firstLine(claimId);
        if (first.has("failed") || !ruleset.version().equals(first.path("ready").asText())) {
            process.destroyForcibly();
            String why = first.has("failed") ? first.get("failed").asText()
                    : "the ruleset folder changed since it was loaded (now " + first.path("ready").asText() + ")";
            cannotStart = "the process that scores the ruleset's claims cannot start: " + why;
            throw new EngineErrorException(claimId, "the engine failed on claim " + claimId + ": " + cannotStart, null);
        }
        LOG.info("started process {} to score ruleset {} in isolation", process.pid(), ruleset.version());
        return child;
    }

    private synchronized Path compiledRules() throws IOException {
        if (kjar == null) {
            Path file = Files.createTempFile("claimrules-ruleset-", ".jar",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            file.toFile().deleteOnExit();
            Files.write(file, compiled.get());
            kjar = file;
        }
        return kjar;
    }

    private static String javaCommand() {
        Optional<String> current = ProcessHandle.current().info().command();
        return current.orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** One child process: its answers arrive on a reader thread, so that waiting for one can time out. */
    private static final class Child {
        final Process process;
        final BlockingQueue<String> lines = new ArrayBlockingQueue<>(2);
        final OutputStream requests;
        volatile long idleSince;

        Child(Process process) {
            this.process = process;
            this.requests = process.getOutputStream();
            Thread reader = new Thread(this::read, "claimrules-isolated-" + process.pid());
            reader.setDaemon(true);
            reader.start();
        }

        private void read() {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.put(line);
                }
            } catch (IOException | InterruptedException e) {
                // the process ended or was killed: reported as the end of its output
            }
            lines.offer(EOF);
        }

        /** The ready line; loading the ruleset takes seconds, and is not limited by a claim's budget. */
        JsonNode firstLine(String claimId) {
            try {
                String line = lines.poll(START_SECONDS, TimeUnit.SECONDS);
                if (line == null) {
                    process.destroyForcibly();
                    return JSON.createObjectNode().put("failed", "it did not load the ruleset in " + START_SECONDS + " s");
                }
                if (line == EOF) {
                    throw ended(claimId);
                }
                return JSON.readTree(line);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
                throw new EngineErrorException(claimId, e);
            } catch (IOException e) {
                process.destroyForcibly();
                throw new EngineErrorException(claimId, e);
            }
        }

        JsonNode call(ObjectNode request, String claimId, long budgetMillis) {
            long cpuStart = cpuNanos();
            long wallStart = System.nanoTime();
            long budget = TimeUnit.MILLISECONDS.toNanos(budgetMillis);
            boolean interrupted = false;
            try {
                requests.write(JSON.writeValueAsBytes(request));
                requests.write('\n');
                requests.flush();
                while (true) {
                    String line;
                    try {
                        line = lines.poll(TICK_MILLIS, TimeUnit.MILLISECONDS);
                    } catch (InterruptedException e) {
                        // as in process, an interrupt does not abandon a claim: the budget bounds the wait
                        interrupted = true;
                        continue;
                    }
                    if (line == EOF) {
                        throw ended(claimId);
                    }
                    if (line != null) {
                        return JSON.readTree(line);
                    }
                    long cpu = cpuNanos();
                    boolean overCpu = cpuStart >= 0 && cpu >= 0 && cpu - cpuStart > 2 * budget + GRACE_NANOS;
                    boolean overWall = System.nanoTime() - wallStart > Watchdog.WALL_FACTOR * budget + GRACE_NANOS;
                    if (overCpu || overWall) {
                        process.destroyForcibly();
                        LOG.warn("claim {}: its rules did not return within the claim budget; process {} stopped",
                                claimId, process.pid());
                        throw new EngineErrorException(claimId, "the engine failed on claim " + claimId
                                + ": its rules did not return within the claim budget of " + budgetMillis
                                + " ms, and the process scoring them was stopped", null);
                    }
                }
            } catch (IOException e) {
                process.destroyForcibly();
                throw ended(claimId);
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        private EngineErrorException ended(String claimId) {
            process.destroyForcibly();
            return new EngineErrorException(claimId, "the engine failed on claim " + claimId
                    + ": the process scoring the ruleset's claims ended (exit " + exitCode() + ")", null);
        }

        private String exitCode() {
            try {
                return process.waitFor(5, TimeUnit.SECONDS) ? String.valueOf(process.exitValue()) : "unknown";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "unknown";
            }
        }

        /** The child's CPU time so far, or -1 where the system does not report it. */
        private long cpuNanos() {
            return process.info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
        }
    }
}
