package org.claimrules.model.facts;

/** The most recent earlier session of the same intent and region in the 12-month window. */
public record PreviousSession(Session session, Session previous) {

    public long daysBetween() {
        return java.time.temporal.ChronoUnit.DAYS.between(previous.date(), session.date());
    }
}
