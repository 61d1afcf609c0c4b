package org.claimrules.model.tables;

import java.time.LocalDate;
import java.util.List;
import org.claimrules.model.ProviderRole;

/**
 * One row of {@code tables/facet/prior-authorization.csv}: which facet lines of a profile need
 * prior authorization. An empty role or place-of-service list means any.
 */
public record PriorAuthRequirement(
        String profile,
        List<ProviderRole> roles,
        List<String> placesOfService,
        List<String> codes,
        boolean exemptionHonored,
        int validityDays,
        LocalDate validFrom,
        LocalDate validTo) implements Dated {

    public PriorAuthRequirement {
        roles = roles == null ? List.of() : List.copyOf(roles);
        placesOfService = placesOfService == null ? List.of() : List.copyOf(placesOfService);
        codes = codes == null ? List.of() : List.copyOf(codes);
    }

    public boolean covers(ProviderRole role, String placeOfService, String code) {
        return (roles.isEmpty() || roles.contains(role))
                && (placesOfService.isEmpty() || placesOfService.contains(placeOfService))
                && codes.contains(code);
    }
}
