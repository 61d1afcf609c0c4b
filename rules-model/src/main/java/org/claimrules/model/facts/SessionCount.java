package org.claimrules.model.facts;

import java.time.LocalDate;

/**
 * How many sessions of the session's intent the member has had in its region in the rolling 12
 * months that end on its date, the session itself included.
 */
public record SessionCount(Session session, int count, LocalDate windowStart) {
}
