package org.claimrules.formats;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import org.claimrules.batch.OutcomeWriter;
import org.claimrules.batch.RecordInput;
import org.claimrules.formats.fhir.Fhir;
import org.claimrules.formats.fhir.FhirInput;
import org.claimrules.formats.fhir.FhirOutput;
import org.claimrules.formats.x12.X12Input;
import org.claimrules.formats.x12.X12Output;
import org.claimrules.io.Streams;

/** Opens an input of any claim format as the pipeline's records, and picks the writer of an output format. */
public final class Formats {

    /** What {@code score} writes: the project's JSON results, or FHIR ClaimResponses. */
    public enum OutputFormat { JSON, FHIR }

    private Formats() {
    }

    /**
     * The records of {@code in} (already decompressed) in {@code format}, or in the format its content
     * shows when {@code format} is null. {@code rulesetRoot} holds the payers table.
     */
    public static Opened open(InputStream in, InputFormat format, Path rulesetRoot, int maxRecordChars) throws IOException {
        BufferedInputStream buffered = in instanceof BufferedInputStream b ? b : new BufferedInputStream(in, 1 << 16);
        InputFormat f = format != null ? format : InputFormat.detect(buffered);
        RecordInput input = switch (f) {
            case JSON -> RecordInput.jsonLines(Streams.utf8(buffered), maxRecordChars);
            case X12 -> new X12Input(buffered, PayersTable.load(rulesetRoot));
            case FHIR -> new FhirInput(Streams.utf8(buffered), PayersTable.load(rulesetRoot));
        };
        return new Opened(f, input);
    }

    /** An opened input and the format it was read as. */
    public record Opened(InputFormat format, RecordInput input) {
    }

    /** How outcomes are written for claims read as {@code input}. {@code runDate} dates ClaimResponses. */
    public static OutcomeWriter writer(InputFormat input, OutputFormat output, LocalDate runDate) {
        if (output == OutputFormat.FHIR) {
            return new FhirOutput(runDate);
        }
        return input == InputFormat.X12 ? new X12Output() : OutcomeWriter.JSON;
    }

    /**
     * {@link #warm} on a daemon thread, started now: HAPI's context takes about a second to build,
     * which then overlaps loading the ruleset. Logging is set up first, so that the two threads do
     * not both start it.
     */
    public static Thread warmInBackground(InputFormat input, OutputFormat output) {
        org.slf4j.LoggerFactory.getILoggerFactory();
        Thread warm = new Thread(() -> warm(input, output), "claimrules-warm");
        warm.setDaemon(true);
        warm.start();
        return warm;
    }

    /**
     * The system property (true/false) that makes {@link #warm} load every format's classes: the
     * launcher {@code scripts/claimrules} sets it on the run that records its AppCDS archive, so
     * that the archive serves FHIR and 837P runs whatever the format of that first run.
     */
    public static final String WARM_ALL_FORMATS = "claimrules.warmAllFormats";

    /** Loads what the first record of a format needs (HAPI's context, StAEDI's schema) ahead of it. */
    public static void warm(InputFormat input, OutputFormat output) {
        boolean all = Boolean.getBoolean(WARM_ALL_FORMATS);
        if (all || input == InputFormat.FHIR || output == OutputFormat.FHIR) {
            Fhir.warm();
        }
        if (all || input == InputFormat.X12) {
            X12Input.warm();
        }
    }
}
