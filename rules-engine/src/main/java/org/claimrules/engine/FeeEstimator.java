package org.claimrules.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.claimrules.model.Claim;
import org.claimrules.model.ClaimLine;
import org.claimrules.model.ProviderRole;
import org.claimrules.model.tables.Fee;
import org.claimrules.model.tables.PlaceOfService;
import org.claimrules.tables.ReferenceData;

/**
 * Expected payment of an allowed line on a practitioner claim (edit-catalog.md, "Expected payment"):
 * the fee row in force on the service date, facility amount at a facility place of service, 150 %
 * with modifier 50 when the code's bilateral indicator is 1. No multiple-procedure reduction.
 */
final class FeeEstimator {

    private static final BigDecimal BILATERAL = new BigDecimal("1.5");

    private FeeEstimator() {
    }

    static BigDecimal expectedAllowed(Claim claim, ClaimLine line, ReferenceData data) {
        if (claim.billingProvider().role() != ProviderRole.PRACTITIONER) {
            return null;
        }
        for (Fee fee : data.fees(line.procedureCode())) {
            if (fee.validOn(line.serviceDate())) {
                PlaceOfService pos = data.placeOfService(claim.placeOfService());
                BigDecimal amount = pos != null && pos.facility() ? fee.facility() : fee.nonFacility();
                if (amount == null) {
                    return null;
                }
                if (line.modifiers().contains("50") && fee.bilateralIndicator() == 1) {
                    amount = amount.multiply(BILATERAL);
                }
                return amount.setScale(2, RoundingMode.HALF_UP);
            }
        }
        return null;
    }
}
