package org.claimrules.model;

import java.time.LocalDate;

public record PriorAuthorization(String number, AuthDecision decision, LocalDate decisionDate) {
}
