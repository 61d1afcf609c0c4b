package org.claimrules.formats;

import java.time.LocalDate;

/** One row of {@code tables/payers.csv}: the profile and contractor of a payer ID over a period. */
public record PayerRow(
        String payerId,
        String profile,
        String mac,
        LocalDate validFrom,
        LocalDate validTo,
        String description) {

    /** Both ends inclusive; a blank end is open. */
    public boolean validOn(LocalDate date) {
        return date != null && (validFrom == null || !date.isBefore(validFrom)) && (validTo == null || !date.isAfter(validTo));
    }
}
