package org.claimrules.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.claimrules.io.Json;

/**
 * An HTTP answer: status, content type and body. Claim outcomes are JSON in the format of the
 * batch output (a result or an error record); problems with the request itself (an unknown path,
 * a method not allowed, the service stopping) are RFC 9457 problem documents.
 */
record Reply(int status, String contentType, byte[] body, Map<String, String> headers) {

    static final String JSON = "application/json";
    static final String PROBLEM = "application/problem+json";
    static final String FHIR = "application/fhir+json";

    static Reply json(int status, Object body) {
        try {
            return new Reply(status, JSON, Json.mapper().writeValueAsBytes(body), Map.of());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a reply could not be written as JSON", e);
        }
    }

    /** A FHIR resource (a ClaimResponse, an OperationOutcome) already written as JSON. */
    static Reply fhir(int status, byte[] resource) {
        return new Reply(status, FHIR, resource, Map.of());
    }

    static Reply problem(int status, String title, String detail) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", "about:blank");
        p.put("title", title);
        p.put("status", status);
        p.put("detail", detail);
        Reply r = json(status, p);
        return new Reply(status, PROBLEM, r.body(), Map.of());
    }

    Reply withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new Reply(status, contentType, body, h);
    }
}
