package org.claimrules.model.tables;

import java.time.LocalDate;
import org.claimrules.model.Region;

/**
 * One row of {@code tables/facet/thoracolumbar-junction.csv}: when the documented levels include
 * {@code documentedLevel}, {@code primaryCode} billed with {@code addOnCode} on one date is one
 * session of {@code region}. A blank profile or contractor matches any; the runner inserts the
 * rows of the most specific match, and the rules check {@code applies} and the dates.
 */
public record JunctionRule(
        String profile,
        String mac,
        String documentedLevel,
        String primaryCode,
        String addOnCode,
        Region region,
        boolean applies,
        String source,
        LocalDate validFrom,
        LocalDate validTo) implements Dated {
}
