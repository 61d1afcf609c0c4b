package org.claimrules.model.result;

import java.math.BigDecimal;

/** The outcome for one line; {@code expectedAllowed} only for allowed lines the fee table prices. */
public record LineResult(int lineNumber, LineStatus status, BigDecimal expectedAllowed) {
}
