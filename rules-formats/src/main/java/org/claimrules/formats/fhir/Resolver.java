package org.claimrules.formats.fhir;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * Finds the resource a Claim's reference points to: contained in the Claim ({@code #id}), or an
 * entry of its Bundle (by {@code fullUrl}, or by {@code Type/id}). Nothing is fetched.
 */
final class Resolver {

    private final Map<String, Resource> byKey;

    private Resolver(Map<String, Resource> byKey) {
        this.byKey = byKey;
    }

    static Resolver of(Claim claim, List<Bundle.BundleEntryComponent> bundle) {
        Map<String, Resource> map = new HashMap<>();
        for (Bundle.BundleEntryComponent e : bundle) {
            Resource r = e.getResource();
            if (r == null) {
                continue;
            }
            if (e.hasFullUrl()) {
                map.put(e.getFullUrl(), r);
            }
            if (r.hasIdElement() && r.getIdElement().hasIdPart()) {
                map.put(r.fhirType() + "/" + r.getIdElement().getIdPart(), r);
            }
        }
        for (Resource r : claim.getContained()) {
            String id = r.getIdElement().getIdPart();
            if (id != null) {
                map.put("#" + (id.startsWith("#") ? id.substring(1) : id), r);
            }
        }
        return new Resolver(map);
    }

    /** The resource of {@code type} that {@code ref} points to, or null. */
    <T extends Resource> T resolve(Reference ref, Class<T> type) {
        if (ref == null) {
            return null;
        }
        if (type.isInstance(ref.getResource())) {
            return type.cast(ref.getResource());
        }
        if (!ref.hasReference()) {
            return null;
        }
        String key = ref.getReference();
        Resource r = byKey.get(key);
        if (r == null && !key.startsWith("#") && key.contains("/")) {
            String[] parts = key.split("/");
            if (parts.length >= 2) {
                // an absolute URL or a versioned reference: match its Type/id tail
                int n = parts.length;
                int at = n >= 4 && "_history".equals(parts[n - 2]) ? n - 4 : n - 2;
                r = byKey.get(parts[at] + "/" + parts[at + 1]);
            }
        }
        return type.isInstance(r) ? type.cast(r) : null;
    }
}
