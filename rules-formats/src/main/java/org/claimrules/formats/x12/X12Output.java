package org.claimrules.formats.x12;

import org.claimrules.batch.OutcomeWriter;
import org.claimrules.formats.Carrier;
import org.claimrules.model.result.Outcome;

/** The JSON result or error record of an X12 claim, with its {@code source} (claim-format.md) last. */
public final class X12Output implements OutcomeWriter {

    @Override
    public byte[] line(Outcome outcome, String recordText) {
        byte[] json = OutcomeWriter.JSON.line(outcome, recordText);
        return Carrier.withField(json, ClaimAssembler.KEY, Carrier.parts(ClaimAssembler.KEY, recordText).carried());
    }
}
