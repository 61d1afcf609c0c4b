package org.claimrules.model.tables;

import java.time.LocalDate;
import org.claimrules.model.Region;

/**
 * One row of {@code tables/facet/code-families.csv}. Level 3 stands for "third and any further
 * level". An add-on names its primary, and the add-on it must accompany (64492 needs 64491).
 */
public record FacetCode(
        String code,
        Region region,
        int level,
        boolean addOn,
        String primaryCode,
        String requiresCode,
        String description,
        LocalDate validFrom,
        LocalDate validTo) implements Dated {
}
