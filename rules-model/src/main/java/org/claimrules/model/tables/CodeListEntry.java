package org.claimrules.model.tables;

import java.time.LocalDate;
import org.claimrules.model.Region;

/**
 * One row of {@code tables/facet/code-lists.csv}: a procedure code or modifier in a named list
 * that an edit looks at (IMAGING_GUIDANCE, ULTRASOUND_GUIDANCE, ULTRASOUND_FACET, RFA,
 * SEDATION_ANESTHESIA, SPINAL_BLOCK, DISTINCT_SERVICE_MODIFIER). Region is given where the list
 * is regional.
 */
public record CodeListEntry(
        String list,
        String code,
        Region region,
        String description,
        LocalDate validFrom,
        LocalDate validTo) implements Dated {
}
