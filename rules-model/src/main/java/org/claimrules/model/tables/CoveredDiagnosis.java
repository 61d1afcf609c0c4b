package org.claimrules.model.tables;

import java.time.LocalDate;
import org.claimrules.model.Region;

/**
 * One row of {@code tables/facet/covered-diagnoses.csv}: an ICD-10-CM code that supports a facet
 * line of a region. A code that supports both regions has a row for each.
 */
public record CoveredDiagnosis(
        String code,
        Region region,
        String description,
        LocalDate validFrom,
        LocalDate validTo) implements Dated {

    /** The code as the rules compare it: upper case, without the dot. */
    public String key() {
        return DiagnosisCodes.normalize(code);
    }
}
