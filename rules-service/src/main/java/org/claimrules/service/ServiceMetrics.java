package org.claimrules.service;

import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.claimrules.model.result.Disposition;

/** The service's Prometheus metrics: claims by disposition, error records by code, latency, requests in flight. */
final class ServiceMetrics {

    static final String CONTENT_TYPE = PrometheusTextFormatWriter.CONTENT_TYPE;

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Counter claims = Counter.builder().name("claimrules_claims_total")
            .help("Claims scored, by disposition; recorded is false for dry runs and without a claims history")
            .labelNames("disposition", "recorded").withoutExemplars().register(registry);
    private final Counter errors = Counter.builder().name("claimrules_claim_errors_total")
            .help("Claims answered with an error record, by error code").labelNames("code")
            .withoutExemplars().register(registry);
    private final Histogram latency = Histogram.builder().name("claimrules_http_request_duration_seconds")
            .help("Time from reading a request to its answer, by route and status").labelNames("route", "status")
            .classicOnly().classicUpperBounds(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10)
            .withoutExemplars().register(registry);
    private final Gauge inFlight = Gauge.builder().name("claimrules_requests_in_flight")
            .help("Requests being answered").withoutExemplars().register(registry);
    private final Counter reloads = Counter.builder().name("claimrules_ruleset_reloads_total")
            .help("Ruleset reloads, by outcome (replaced, or refused: the old ruleset stayed)").labelNames("outcome")
            .withoutExemplars().register(registry);
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();

    void claim(Disposition disposition, boolean recorded) {
        claims.labelValues(disposition.name(), Boolean.toString(recorded)).inc();
    }

    void error(String code) {
        errors.labelValues(code).inc();
    }

    void request(String route, int status, long nanos) {
        latency.labelValues(route, Integer.toString(status)).observe(nanos / 1e9);
    }

    void started() {
        inFlight.inc();
    }

    void finished() {
        inFlight.dec();
    }

    void reload(boolean replaced) {
        reloads.labelValues(replaced ? "replaced" : "refused").inc();
    }

    byte[] text() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        try {
            writer.write(out, registry.scrape(), EscapingScheme.ALLOW_UTF8);
        } catch (IOException e) {
            throw new IllegalStateException("metrics could not be written", e);
        }
        return out.toByteArray();
    }
}
