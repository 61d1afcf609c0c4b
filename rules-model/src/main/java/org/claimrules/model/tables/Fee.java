package org.claimrules.model.tables;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One row of {@code tables/fees.csv}: the fee schedule amounts for a code over a period. */
public record Fee(
        String code,
        BigDecimal nonFacility,
        BigDecimal facility,
        int bilateralIndicator,
        String source,
        LocalDate validFrom,
        LocalDate validTo) implements Dated {
}
