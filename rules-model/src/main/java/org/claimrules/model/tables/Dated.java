package org.claimrules.model.tables;

import java.time.LocalDate;

/**
 * A table row with a validity period. Both ends are inclusive; a null end is open. Rows are
 * always selected with the line's service date, never with today's date.
 */
public interface Dated {

    LocalDate validFrom();

    LocalDate validTo();

    default boolean validOn(LocalDate date) {
        return date != null
                && (validFrom() == null || !date.isBefore(validFrom()))
                && (validTo() == null || !date.isAfter(validTo()));
    }
}
