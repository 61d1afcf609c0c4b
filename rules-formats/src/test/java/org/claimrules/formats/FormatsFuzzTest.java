package org.claimrules.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.claimrules.batch.OutcomeWriter;
import org.claimrules.formats.fhir.FhirOutput;
import org.claimrules.formats.x12.X12Output;
import org.claimrules.io.ClaimReader;
import org.claimrules.model.result.ErrorCode;
import org.claimrules.model.result.Outcome;

/**
 * Coverage-guided fuzz tests (Jazzer) of the X12 and FHIR readers. In a plain {@code mvn verify}
 * each runs once per seed file ({@code src/test/resources/org/claimrules/formats/FormatsFuzzTestInputs/<method>/});
 * {@code JAZZER_FUZZ=1} fuzzes for longer (docs/robustness.md). The property: no input throws out
 * of the reader, and every record it gives is exactly one claim or one error record with a known
 * code, which both writers can write.
 */
class FormatsFuzzTest {

    @FuzzTest(maxDuration = "5m")
    void x12Reader(byte[] input) throws IOException {
        readsCleanly(input, InputFormat.X12, new X12Output());
    }

    @FuzzTest(maxDuration = "5m")
    void fhirReader(byte[] input) throws IOException {
        readsCleanly(input, InputFormat.FHIR, OutcomeWriter.JSON);
    }

    static void readsCleanly(byte[] input, InputFormat format, OutcomeWriter json) throws IOException {
        List<ClaimReader.Read> reads = Scoring.read(input, format);
        FhirOutput fhir = new FhirOutput(java.time.LocalDate.of(2026, 12, 1));
        for (ClaimReader.Read read : reads) {
            assertNotNull(read);
            assertTrue(read.inputLine() >= 1, "positions start at 1");
            if (!read.ok()) {
                String code = read.error().error().code();
                assertTrue(Arrays.stream(ErrorCode.values()).anyMatch(c -> c.name().equals(code)), code);
                Outcome o = read.error();
                assertTrue(json.line(o, null).length > 0);
                assertTrue(fhir.line(o, null).length > 0);
            }
        }
        assertEquals(reads.size(), reads.stream().filter(r -> r.ok() != (r.error() != null)).count());
    }
}
