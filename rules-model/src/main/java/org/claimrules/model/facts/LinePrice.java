package org.claimrules.model.facts;

import java.math.BigDecimal;

/** The expected allowed amount the pricing rules computed for a line; reported when the line is allowed. */
public record LinePrice(int lineNumber, BigDecimal amount) {
}
