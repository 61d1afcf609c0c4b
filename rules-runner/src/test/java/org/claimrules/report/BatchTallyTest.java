package org.claimrules.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import org.claimrules.io.ClaimReader;
import org.claimrules.model.Claim;
import org.claimrules.model.ClaimLine;
import org.claimrules.model.result.ClaimResult;
import org.claimrules.testing.TestClaims;
import org.junit.jupiter.api.Test;

/** Counting a batch cannot fail it: a charge no reader would accept is left out of the sums. */
class BatchTallyTest {

    @Test
    void anAbsurdChargeBuiltWithoutTheReaderIsLeftOutOfTheSums() {
        Claim read = ClaimReader.read(TestClaims.valid("C-1", "M-1").toString(), 1).claim();
        ClaimResult result = TestClaims.engine().score(read);
        BatchTally tally = new BatchTally();
        for (String charge : List.of("1e999999999", "1e-999999999", "1e50000000", "12.50")) {
            ClaimLine l = read.lines().get(0);
            ClaimLine odd = new ClaimLine(l.lineNumber(), l.procedureCode(), l.modifiers(), l.units(), l.serviceDate(),
                    l.diagnosisPointers(), new BigDecimal(charge));
            Claim c = new Claim(read.claimId(), read.payer(), read.billingProvider(), read.placeOfService(),
                    read.priorAuthorization(), read.patient(), read.diagnoses(), List.of(odd), read.clinical(),
                    read.history());
            tally.add(c, result);
        }
        assertEquals(4, tally.results());
        assertEquals(0, new BigDecimal("12.50").compareTo(tally.billedCharges));
    }
}
