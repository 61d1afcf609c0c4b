package org.claimrules.formats;

import java.time.LocalDate;
import org.claimrules.model.tables.Dated;

/** One row of {@code tables/payers.csv}: the profile and contractor of a payer ID over a period. */
public record PayerRow(
        String payerId,
        String profile,
        String mac,
        LocalDate validFrom,
        LocalDate validTo,
        String description) implements Dated {
}
