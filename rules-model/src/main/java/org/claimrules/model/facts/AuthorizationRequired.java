package org.claimrules.model.facts;

import org.claimrules.model.tables.PriorAuthRequirement;

/** A facet line that needs prior authorization under the profile's requirement row. */
public record AuthorizationRequired(FacetLine line, PriorAuthRequirement requirement) {
}
