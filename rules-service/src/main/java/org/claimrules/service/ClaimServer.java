package org.claimrules.service;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.claimrules.engine.ClaimEngine;
import org.claimrules.history.HistoryStore;
import org.claimrules.io.ClaimReader;
import org.claimrules.model.result.ErrorCode;
import org.claimrules.model.result.ErrorRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The adjudication service on the JDK's HTTP server. Requests are bounded in size (the body, at
 * most {@link Options#maxBodyBytes}) and in time (reading the request and writing the answer by
 * the server's own limits, scoring and recording by a deadline per request). {@link #stop()}
 * refuses new requests, lets those in flight finish, then closes the history store: a claim is
 * recorded whole or not at all, in one transaction.
 */
public final class ClaimServer {

    private static final Logger LOG = LoggerFactory.getLogger(ClaimServer.class);

    /**
     * @param bind the address to listen on (127.0.0.1 unless told otherwise)
     * @param port 0 for any free port
     * @param requestTimeout the most a request may take from reading its body to recording its claim
     * @param shutdownGrace how long {@link #stop()} waits for requests in flight
     * @param rulesDir the ruleset folder to reload, or null for the bundled ruleset
     */
    public record Options(String bind, int port, int threads, int maxBodyBytes, Duration requestTimeout,
            Duration shutdownGrace, Path rulesDir) {

        public static Options defaults(int port) {
            return new Options("127.0.0.1", port, Math.max(4, 2 * Runtime.getRuntime().availableProcessors()),
                    ClaimReader.MAX_RECORD_CHARS, Duration.ofSeconds(10), Duration.ofSeconds(30), null);
        }

        public Options withBind(String b) {
            return new Options(b, port, threads, maxBodyBytes, requestTimeout, shutdownGrace, rulesDir);
        }

        public Options withThreads(int n) {
            return new Options(bind, port, n, maxBodyBytes, requestTimeout, shutdownGrace, rulesDir);
        }

        public Options withRequestTimeout(Duration d) {
            return new Options(bind, port, threads, maxBodyBytes, d, shutdownGrace, rulesDir);
        }

        public Options withRulesDir(Path dir) {
            return new Options(bind, port, threads, maxBodyBytes, requestTimeout, shutdownGrace, dir);
        }
    }

    static {
        // The JDK server's own bounds on receiving a request and sending its answer (seconds); a
        // client that trickles its body is cut off instead of holding a thread. Set before the
        // server's classes load; an operator's -D setting wins.
        if (System.getProperty("sun.net.httpserver.maxReqTime") == null) {
            System.setProperty("sun.net.httpserver.maxReqTime", "30");
        }
        if (System.getProperty("sun.net.httpserver.maxRspTime") == null) {
            System.setProperty("sun.net.httpserver.maxRspTime", "30");
        }
    }

    private final HttpServer server;
    private final ExecutorService workers;
    private final Endpoints endpoints;
    private final ServiceMetrics metrics = new ServiceMetrics();
    private final HistoryStore store;
    private final Options options;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);

    private ClaimServer(ClaimEngine engine, HistoryStore store, Options options) throws IOException {
        this.store = store;
        this.options = options;
        this.endpoints = new Endpoints(engine, store, options.rulesDir(), metrics);
        this.server = HttpServer.create(new InetSocketAddress(options.bind(), options.port()), 128);
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(options.threads(), r -> {
            Thread t = new Thread(r, "claimrules-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(workers);
        server.createContext("/", this::handle);
    }

    /**
     * Starts the service. It owns {@code store} (null: no history kept) and closes it when stopped.
     */
    public static ClaimServer start(ClaimEngine engine, HistoryStore store, Options options) throws IOException {
        ClaimServer s = new ClaimServer(engine, store, options);
        // HAPI's context takes a second or two to build: built now, beside the first requests,
        // so that the first FHIR claim does not wait for all of it
        org.claimrules.formats.Formats.warmInBackground(org.claimrules.formats.InputFormat.FHIR,
                org.claimrules.formats.Formats.OutputFormat.FHIR);
        s.server.start();
        LOG.info("claimrules service on http://{}:{} (ruleset {}, history {})", options.bind(), s.port(),
                engine.ruleset().version(), store == null ? "none" : store.description());
        return s;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Stops the service when the JVM is asked to stop (SIGTERM, Ctrl-C). */
    public void stopOnShutdown() {
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "claimrules-service-stop"));
    }

    /** Blocks until {@link #stop()} has finished. */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    /**
     * Graceful stop: new requests are answered 503, requests in flight finish (up to the grace
     * period), then the listener, the workers and the history store close. Safe to call twice.
     */
    public void stop() {
        if (!stopping.compareAndSet(false, true)) {
            awaitQuietly();
            return;
        }
        LOG.info("stopping: {} requests in flight", inFlight.get());
        long until = System.nanoTime() + options.shutdownGrace().toNanos();
        while (inFlight.get() > 0 && System.nanoTime() - until < 0) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        int left = inFlight.get();
        server.stop(0);
        workers.shutdown();
        try {
            workers.awaitTermination(options.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (store != null) {
            store.close();
        }
        LOG.info("stopped{}", left > 0 ? " with " + left + " requests still running after the grace period" : "");
        stopped.countDown();
    }

    private void awaitQuietly() {
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        long start = System.nanoTime();
        inFlight.incrementAndGet();
        metrics.started();
        String route = "other";
        Reply reply;
        try {
            String path = ex.getRequestURI().getRawPath();
            route = route(path);
            if (stopping.get()) {
                reply = Reply.problem(503, "Stopping", "the service is shutting down").withHeader("Connection", "close");
            } else {
                reply = answer(ex, path, route, start);
            }
        } catch (RuntimeException e) {
            LOG.error("request to {} failed: {}", route, e.getClass().getSimpleName());
            reply = Reply.problem(500, "Internal Server Error", "the service failed on this request");
        }
        try {
            send(ex, reply);
        } finally {
            metrics.request(route, reply.status(), System.nanoTime() - start);
            metrics.finished();
            inFlight.decrementAndGet();
        }
    }

    private Reply answer(HttpExchange ex, String path, String route, long start) throws IOException {
        String method = ex.getRequestMethod();
        switch (route) {
            case "/v1/claims":
                if (!method.equals("POST")) {
                    return notAllowed("POST");
                }
                Boolean dryRun = dryRun(ex.getRequestURI().getRawQuery());
                if (dryRun == null) {
                    return Reply.problem(400, "Bad Request", "dryRun takes true or false");
                }
                byte[] body = body(ex);
                if (body == null) {
                    metrics.error(ErrorCode.TOO_LARGE.name());
                    return Reply.json(413, ErrorRecord.of(null, ErrorCode.TOO_LARGE, "request body of more than "
                            + options.maxBodyBytes() + " bytes", null, null)).withHeader("Connection", "close");
                }
                return endpoints.submit(body, dryRun, start + options.requestTimeout().toNanos());
            case FHIR_SUBMIT:
                if (!method.equals("POST")) {
                    return notAllowed("POST");
                }
                Boolean fhirDryRun = dryRun(ex.getRequestURI().getRawQuery());
                if (fhirDryRun == null) {
                    return Reply.fhir(400, org.claimrules.formats.fhir.FhirSubmit.operationOutcome(
                            org.hl7.fhir.r4.model.OperationOutcome.IssueType.VALUE, "dryRun takes true or false"));
                }
                byte[] claim = body(ex);
                if (claim == null) {
                    metrics.error(ErrorCode.TOO_LARGE.name());
                    return Reply.fhir(413, org.claimrules.formats.fhir.FhirSubmit.operationOutcome(ErrorRecord.of(null,
                            ErrorCode.TOO_LARGE, "request body of more than " + options.maxBodyBytes() + " bytes", null, null)))
                            .withHeader("Connection", "close");
                }
                return endpoints.submitFhir(claim, fhirDryRun, start + options.requestTimeout().toNanos());
            case "/v1/claims/{claimId}":
                if (!method.equals("DELETE")) {
                    return notAllowed("DELETE");
                }
                return endpoints.voidClaim(URLDecoder.decode(path.substring("/v1/claims/".length()), StandardCharsets.UTF_8));
            case "/v1/health":
                return method.equals("GET") ? endpoints.health() : notAllowed("GET");
            case "/metrics":
                return method.equals("GET")
                        ? new Reply(200, ServiceMetrics.CONTENT_TYPE, metrics.text(), Map.of()) : notAllowed("GET");
            case "/v1/ruleset/reload":
                return method.equals("POST") ? endpoints.reload() : notAllowed("POST");
            default:
                return Reply.problem(404, "Not Found", "no such endpoint; see docs/openapi.yaml");
        }
    }

    /** The route a path belongs to: the label of its metrics, so that claim IDs never become labels. */
    static String route(String path) {
        if (path.startsWith("/v1/claims/") && path.length() > "/v1/claims/".length()) {
            return "/v1/claims/{claimId}";
        }
        if (path.equals("/fhir/Claim/%24submit")) {
            return FHIR_SUBMIT; // a client may escape the operation's '$'
        }
        return ROUTES.contains(path) ? path : "other";
    }

    /** Every route served; docs/openapi.yaml documents each (a test checks). */
    static final java.util.List<String> ROUTES = java.util.List.of("/v1/claims", "/v1/claims/{claimId}", "/v1/health",
            "/metrics", "/v1/ruleset/reload", ClaimServer.FHIR_SUBMIT);

    /** The FHIR operation: a Claim in, its ClaimResponse out. */
    static final String FHIR_SUBMIT = "/fhir/Claim/$submit";

    private static Reply notAllowed(String allowed) {
        return Reply.problem(405, "Method Not Allowed", "this endpoint takes " + allowed).withHeader("Allow", allowed);
    }

    /** true, false, or null for a value that is neither. */
    static Boolean dryRun(String query) {
        if (query == null) {
            return false;
        }
        for (String param : query.split("&")) {
            if (param.equals("dryRun=true")) {
                return true;
            }
            if (param.equals("dryRun=false")) {
                return false;
            }
            if (param.startsWith("dryRun")) {
                return null;
            }
        }
        return false;
    }

    /**
     * Bodies past the limit are still read, and thrown away, up to this much: a server that closes
     * the connection on unread bytes makes the client see a reset instead of the 413.
     */
    static final long DISCARD_LIMIT = 16L << 20;

    /** The request body, or null when it is longer than the limit (then never held in memory). */
    private byte[] body(HttpExchange ex) throws IOException {
        int limit = options.maxBodyBytes();
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        byte[] buf = new byte[8192];
        long read = 0;
        try (InputStream in = ex.getRequestBody()) {
            if (declaredLength(ex) > DISCARD_LIMIT) {
                return null;
            }
            int n;
            while ((n = in.read(buf)) > 0) {
                read += n;
                if (read <= limit) {
                    out.write(buf, 0, n);
                } else if (read > DISCARD_LIMIT) {
                    break;
                }
            }
        }
        return read > limit ? null : out.toByteArray();
    }

    private static long declaredLength(HttpExchange ex) {
        String length = ex.getRequestHeaders().getFirst("Content-Length");
        try {
            return length == null ? -1 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    private static void send(HttpExchange ex, Reply reply) throws IOException {
        ex.getResponseHeaders().set("Content-Type", reply.contentType());
        reply.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
        ex.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(reply.body());
        }
    }
}
