package org.claimrules.model.tables;

import java.time.LocalDate;

/**
 * The base of every data-table row with a validity period, which a ruleset declares as
 * {@code declare MyRow extends DatedRow ... end}. Both ends are inclusive; a blank end is open.
 * Rules select rows by the line's service date, never by today's date.
 */
public class DatedRow {

    private LocalDate validFrom;
    private LocalDate validTo;

    public LocalDate getValidFrom() {
        return validFrom;
    }

    public void setValidFrom(LocalDate validFrom) {
        this.validFrom = validFrom;
    }

    public LocalDate getValidTo() {
        return validTo;
    }

    public void setValidTo(LocalDate validTo) {
        this.validTo = validTo;
    }

    public boolean validOn(LocalDate date) {
        return date != null
                && (validFrom == null || !date.isBefore(validFrom))
                && (validTo == null || !date.isAfter(validTo));
    }
}
