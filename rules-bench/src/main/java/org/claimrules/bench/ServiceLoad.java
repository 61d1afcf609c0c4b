package org.claimrules.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Load test of {@code claimrules serve} on loopback (docs/benchmarks.md), run by hand, bounded in
 * count and in time: CLIENTS threads post the claims of a JSON Lines file one per request to
 * {@code POST /v1/claims} until REQUESTS are answered or SECONDS have passed, then print requests
 * per second, p50/p99/max latency and the answers by status.
 *
 * <pre>java -cp rules-bench/target/claimrules-bench.jar org.claimrules.bench.ServiceLoad URL CLAIMS.jsonl [CLIENTS] [REQUESTS] [SECONDS]</pre>
 */
public final class ServiceLoad {

    private ServiceLoad() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: ServiceLoad URL CLAIMS.jsonl [CLIENTS=16] [REQUESTS=20000] [SECONDS=120]");
            System.exit(2);
        }
        URI uri = URI.create(args[0].replaceAll("/$", "") + "/v1/claims");
        int clients = args.length > 2 ? Integer.parseInt(args[2]) : 16;
        int requests = args.length > 3 ? Integer.parseInt(args[3]) : 20_000;
        long seconds = args.length > 4 ? Long.parseLong(args[4]) : 120;
        List<String> claims = lines(Path.of(args[1]), requests);

        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        long[] latencies = new long[claims.size()];
        int[] statuses = new int[claims.size()];
        AtomicInteger next = new AtomicInteger();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < claims.size() && System.nanoTime() < deadline) {
                    long t0 = System.nanoTime();
                    statuses[i] = post(client, uri, claims.get(i));
                    latencies[i] = System.nanoTime() - t0;
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 60, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - start) / 1e9;

        int done = (int) Arrays.stream(statuses).filter(s -> s != 0).count();
        long[] sorted = new long[done];
        Map<Integer, Integer> byStatus = new TreeMap<>();
        int k = 0;
        for (int i = 0; i < statuses.length; i++) {
            if (statuses[i] != 0) {
                sorted[k++] = latencies[i];
                byStatus.merge(statuses[i], 1, Integer::sum);
            }
        }
        Arrays.sort(sorted);
        System.out.printf("clients %d, requests %d in %.1f s: %.0f requests/s; latency p50 %.2f ms, p99 %.2f ms, max %.2f ms; by status %s%n",
                clients, done, elapsed, done / elapsed, ms(sorted, 0.50), ms(sorted, 0.99),
                done == 0 ? 0 : sorted[done - 1] / 1e6, byStatus);
    }

    private static int post(HttpClient client, URI uri, String claim) {
        try {
            return client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(claim)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static double ms(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

    private static List<String> lines(Path file, int max) throws IOException {
        try (var in = file.toString().endsWith(".gz")
                ? new java.io.BufferedReader(new java.io.InputStreamReader(new java.util.zip.GZIPInputStream(
                        Files.newInputStream(file)), java.nio.charset.StandardCharsets.UTF_8))
                : Files.newBufferedReader(file)) {
            return in.lines().filter(l -> !l.isBlank()).limit(max).toList();
        }
    }
}
