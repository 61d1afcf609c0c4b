package org.claimrules.formats.x12;

import io.xlate.edi.schema.EDISchemaException;
import io.xlate.edi.schema.Schema;
import io.xlate.edi.schema.SchemaFactory;
import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamConstants;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamReader;
import io.xlate.edi.stream.EDIStreamValidationError;
import io.xlate.edi.stream.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.claimrules.batch.RecordInput;
import org.claimrules.formats.Carrier;
import org.claimrules.formats.PayersTable;
import org.claimrules.io.ClaimReader;
import org.claimrules.io.RecordReader;
import org.claimrules.model.result.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads an X12 file of 837P claims with StAEDI, streaming: one record per CLM, in file order,
 * with memory that does not grow with the file. Interchanges, groups and transactions may repeat;
 * each ISA gives its own delimiters. StAEDI checks the envelope and the 837P structure against
 * {@code 837P.xml}; what it reports becomes the error record of the claims it concerns. When the
 * file cannot be read on (a broken envelope, bytes that are not X12), every CLM up to the next
 * {@code ISA} gets an error record and reading starts again there.
 *
 * <p>A record's position is the 1-based position of its segment in the file, counted over every
 * interchange: the line number when each segment is on its own line.
 */
public final class X12Input implements RecordInput {

    private static final Logger LOG = LoggerFactory.getLogger(X12Input.class);
    /** StAEDI logs through java.util.logging; its notes on schema types it does not use are noise here. */
    private static final java.util.logging.Logger STAEDI_LOG = quiet();
    private static final Schema SCHEMA = loadSchema();

    private final ResumableStream in;
    private final EDIInputFactory factory;
    private final ClaimAssembler assembler;
    private final ArrayDeque<RecordReader.Record> ready = new ArrayDeque<>();
    private EDIStreamReader reader;
    private boolean done;
    private long segments;
    private Segment current;
    private final List<X12Problem> segmentProblems = new ArrayList<>();
    private String transactionType;
    private String interchange;
    private String transaction;
    private char segmentTerminator = '~';
    private char elementSeparator = '*';
    /** Set by the scan after a break: it skipped something other than white space / it reached the end. */
    private boolean sawContent;
    private boolean atEnd;
    /** The tag of the last segment read whole. */
    private String lastTag;

    public X12Input(InputStream input, PayersTable payers) {
        this.in = new ResumableStream(new X12Guard(input));
        this.factory = EDIInputFactory.newFactory();
        // Delimiters differ between files; segment terminators may be followed by line breaks.
        factory.setProperty(EDIInputFactory.EDI_IGNORE_EXTRANEOUS_CHARACTERS, true);
        factory.setProperty(EDIInputFactory.EDI_NEST_HIERARCHICAL_LOOPS, false);
        this.assembler = new ClaimAssembler(payers, (position, text, claimKey) ->
                ready.add(new RecordReader.Record(position, text, text.length(), false, claimKey)));
    }

    /** Loads StAEDI's classes and the schema now, so that the first claim is not slower than the rest. */
    public static void warm() {
        SCHEMA.getStandard();
    }

    @Override
    public RecordReader.Record next() throws IOException {
        while (ready.isEmpty() && !done) {
            step();
        }
        return ready.poll();
    }

    @Override
    public boolean ready() throws IOException {
        return !ready.isEmpty() || in.available() > 0;
    }

    @Override
    public ClaimReader.Read decode(String text, long position) {
        return Carrier.decode(ClaimAssembler.KEY, text, position);
    }

    private void step() throws IOException {
        try {
            if (reader == null) {
                reader = factory.createEDIStreamReader(in);
            }
            if (!reader.hasNext()) {
                finish();
                return;
            }
            handle(reader.next());
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (Exception e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            broken(e);
        }
    }

    private void finish() {
        assembler.endTransaction();
        done = true;
    }

    private void handle(EDIStreamEvent event) throws EDISchemaException {
        switch (event) {
            case START_TRANSACTION -> transactionType = null;
            case START_SEGMENT -> {
                segments++;
                current = new Segment(reader.getText(), segments);
                segmentProblems.clear();
            }
            case ELEMENT_DATA -> {
                Location at = reader.getLocation();
                if (current != null) {
                    marked(at, reader.getText());
                }
                if (current != null && at.getElementOccurrence() <= 1) {
                    current.set(at.getElementPosition(), at.getComponentPosition(), reader.getText());
                    if ("ST".equals(current.tag) && at.getElementPosition() == 1) {
                        transactionType = reader.getText();
                        if ("837".equals(transactionType)) {
                            // allowed while the ST segment is read
                            reader.setTransactionSchema(SCHEMA);
                        }
                    }
                }
            }
            case ELEMENT_DATA_ERROR, ELEMENT_OCCURRENCE_ERROR -> elementError();
            case SEGMENT_ERROR -> segmentError();
            case END_SEGMENT -> endSegment();
            case END_TRANSACTION -> {
                if (!"837".equals(transactionType)) {
                    assembler.unreadablePart(new X12Problem(ErrorCode.INVALID_VALUE, "ST01", segments,
                            "transaction set " + ClaimAssembler.shortened(String.valueOf(transactionType))
                                    + " (ST02 " + transaction + ") is not an 837 claim; it was not scored"));
                }
                assembler.endTransaction();
            }
            default -> {
                // interchange, group and loop boundaries: the segments say all the mapping needs
            }
        }
    }

    private void endSegment() {
        Segment s = current;
        current = null;
        if (s == null) {
            return;
        }
        lastTag = s.tag;
        switch (s.tag) {
            case "ISA" -> {
                interchange = s.get(13);
                delimiters();
                assembler.startInterchange(interchange, ClaimAssembler.sender(s.get(5), s.get(6)));
                segmentProblems.forEach(assembler::interchangeProblem);
            }
            case "GS" -> {
                assembler.startGroup(s);
                segmentProblems.forEach(assembler::groupProblem);
            }
            case "ST" -> {
                transaction = s.get(2);
                assembler.startTransaction(transaction);
                segmentProblems.forEach(assembler::problem);
            }
            case "SE", "GE", "IEA" -> segmentProblems.forEach(p ->
                    LOG.warn("X12 interchange {}: {} (the claims are scored)", interchange, p.message()));
            default -> {
                assembler.segment(s);
                segmentProblems.forEach(assembler::problem);
            }
        }
        segmentProblems.clear();
    }

    private void delimiters() {
        Map<String, Character> d = reader.getDelimiters();
        segmentTerminator = d.getOrDefault(EDIStreamConstants.Delimiters.SEGMENT, segmentTerminator);
        elementSeparator = d.getOrDefault(EDIStreamConstants.Delimiters.DATA_ELEMENT, elementSeparator);
    }

    /** An element that held bytes that are not UTF-8, or was cut at the limit ({@link X12Guard}): an error of its claim. */
    private void marked(Location at, String text) {
        boolean notUtf8 = text.indexOf(X12Guard.NOT_UTF8) >= 0;
        if (!notUtf8 && text.indexOf(X12Guard.TOO_LONG) < 0) {
            return;
        }
        String element = current.tag + element(at);
        String what = notUtf8 ? " holds bytes that are not valid UTF-8"
                : " is longer than " + X12Guard.MAX_ELEMENT + " characters";
        segmentProblems.add(0, new X12Problem(notUtf8 ? ErrorCode.INVALID_VALUE : ErrorCode.TOO_LARGE, element,
                current.position, current.tag + " (segment " + current.position + "): element " + element + what));
    }

    private static String element(Location at) {
        return String.format("%02d", Math.max(0, at.getElementPosition()))
                + (at.getComponentPosition() > 0 ? "-" + at.getComponentPosition() : "");
    }

    private void elementError() {
        EDIStreamValidationError type = reader.getErrorType();
        Location at = reader.getLocation();
        String tag = current != null ? current.tag : String.valueOf(at.getSegmentTag());
        long position = current != null ? current.position : segments;
        String element = element(at);
        if (type == EDIStreamValidationError.TOO_MANY_DATA_ELEMENTS || type == EDIStreamValidationError.TOO_MANY_COMPONENTS
                || type == EDIStreamValidationError.TOO_MANY_REPETITIONS) {
            return; // elements the schema does not declare: the mapping does not read them
        }
        if (type == EDIStreamValidationError.CONTROL_COUNT_DOES_NOT_MATCH_ACTUAL_COUNT) {
            LOG.warn("X12 interchange {}: {}{} (segment {}) does not match the actual count; the claims are scored",
                    interchange, tag, element, position);
            return;
        }
        ErrorCode code = type == EDIStreamValidationError.REQUIRED_DATA_ELEMENT_MISSING
                || type == EDIStreamValidationError.CONDITIONAL_REQUIRED_DATA_ELEMENT_MISSING
                ? ErrorCode.MISSING_FIELD : ErrorCode.INVALID_VALUE;
        X12Problem p = new X12Problem(code, tag + element, position,
                tag + " (segment " + position + "): element " + tag + element + " " + describe(type));
        if (current != null) {
            segmentProblems.add(p);
        } else {
            assembler.problem(p);
        }
    }

    private void segmentError() {
        EDIStreamValidationError type = reader.getErrorType();
        if (type == EDIStreamValidationError.SEGMENT_HAS_DATA_ELEMENT_ERRORS) {
            return; // each element error is reported on its own
        }
        String tag = reader.getText();
        long position = type == EDIStreamValidationError.MANDATORY_SEGMENT_MISSING ? segments : segments + 1;
        X12Problem p = new X12Problem(type == EDIStreamValidationError.MANDATORY_SEGMENT_MISSING
                ? ErrorCode.MISSING_FIELD : ErrorCode.INVALID_VALUE, tag, position,
                tag + " (segment " + position + "): " + describe(type));
        if (type == EDIStreamValidationError.MANDATORY_SEGMENT_MISSING && isTrailer(tag)) {
            LOG.warn("X12 interchange {}: {}", interchange, p.message());
        }
        assembler.problem(p);
    }

    private static boolean isTrailer(String tag) {
        return "SE".equals(tag) || "GE".equals(tag) || "IEA".equals(tag);
    }

    /** Plain words for StAEDI's validation errors (no library names in messages). */
    static String describe(EDIStreamValidationError type) {
        return switch (type) {
            case REQUIRED_DATA_ELEMENT_MISSING, CONDITIONAL_REQUIRED_DATA_ELEMENT_MISSING -> "is required and missing";
            case DATA_ELEMENT_TOO_LONG -> "is too long";
            case DATA_ELEMENT_TOO_SHORT -> "is too short";
            case INVALID_CHARACTER_DATA -> "has characters its type does not allow (a number, a code)";
            case INVALID_CODE_VALUE, IMPLEMENTATION_INVALID_CODE_VALUE -> "has a code that is not allowed here";
            case INVALID_DATE -> "is not a valid date";
            case INVALID_TIME -> "is not a valid time";
            case CONTROL_REFERENCE_MISMATCH -> "does not match the control number of its header";
            case UNEXPECTED_SEGMENT, SEGMENT_NOT_IN_PROPER_SEQUENCE, SEGMENT_NOT_IN_DEFINED_TRANSACTION_SET,
                    UNRECOGNIZED_SEGMENT_ID -> "the segment is out of place (not allowed where it appears in an 837P)";
            case MANDATORY_SEGMENT_MISSING -> "a required segment is missing";
            case LOOP_OCCURS_OVER_MAXIMUM_TIMES, SEGMENT_EXCEEDS_MAXIMUM_USE -> "the segment repeats more often than allowed";
            default -> type.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        };
    }

    /**
     * StAEDI cannot go on: the open claim, and every CLM up to the next ISA, get an error record;
     * reading starts again at that ISA with a new reader.
     */
    private void broken(Exception e) throws IOException {
        long position = current != null ? current.position : Math.max(1, segments);
        String what = String.valueOf(e.getMessage()).contains("INCOMPLETE")
                ? "the file ends inside an interchange (no IEA)"
                : "the content is not valid X12 here (a broken envelope or stray bytes)";
        X12Problem p = new X12Problem(ErrorCode.INVALID_VALUE, current != null ? current.tag : null, position,
                "X12 cannot be read from segment " + position + " on: " + what
                        + "; claims up to the next interchange (ISA) are not scored");
        LOG.warn("X12 interchange {}: {}", interchange, p.message());
        LOG.debug("X12 reader stopped", e);
        current = null;
        segmentProblems.clear();
        reader = null;
        boolean inNewInterchange = "IEA".equals(lastTag) || p.field() != null && p.field().equals("ISA");
        boolean abandoned = assembler.abandon(p);
        if (inNewInterchange) {
            // the interchange that broke is not the one before it: its control number is not known
            assembler.endTransaction();
            assembler.startInterchange(null, null);
        }
        int claims = skipToNextInterchange(p);
        if (!abandoned && claims == 0 && sawContent) {
            assembler.unreadablePart(p);
        }
        assembler.endTransaction();
        if (atEnd) {
            done = true;
        }
    }

    /**
     * Scans the bytes after a break up to the next {@code ISA} (put back for the next reader),
     * giving each CLM on the way an error record; returns how many. Segments are split at the last
     * known terminator and at line breaks.
     */
    private int skipToNextInterchange(X12Problem cause) throws IOException {
        sawContent = false;
        atEnd = false;
        int claims = 0;
        byte[] seg = new byte[256];
        int n = 0;
        boolean overflow = false;
        while (true) {
            int b = in.read();
            boolean end = b < 0 || b == segmentTerminator || b == '\n' || b == '\r';
            if (!end) {
                if (n == seg.length) {
                    overflow = true;
                } else {
                    seg[n++] = (byte) b;
                }
                int isa = findIsa(seg, n);
                if (isa >= 0) {
                    in.unread(java.util.Arrays.copyOfRange(seg, isa, n), n - isa);
                    sawContent |= isa > 0 && !blank(seg, 0, isa);
                    return claims;
                }
                continue;
            }
            int lead = 0;
            while (lead < n && Character.isWhitespace(seg[lead])) {
                lead++;
            }
            if (n - lead == 3 && seg[lead] == 'I' && seg[lead + 1] == 'S' && seg[lead + 2] == 'A' && b >= 0) {
                // the next interchange uses this byte as its element separator
                in.unread(new byte[] {'I', 'S', 'A', (byte) b}, 4);
                return claims;
            }
            if (n > 0 && !blank(seg, 0, n)) {
                sawContent = true;
                segments += b == segmentTerminator || !overflow ? 1 : 0;
                String text = new String(seg, 0, n, java.nio.charset.StandardCharsets.UTF_8).strip();
                String[] head = text.split(java.util.regex.Pattern.quote(String.valueOf(elementSeparator)), 4);
                if (head[0].equals("ST") && head.length > 2) {
                    assembler.startTransaction(head[2]);
                } else if (head[0].equals("SE")) {
                    assembler.endTransaction();
                }
                if (text.startsWith("CLM" + elementSeparator)) {
                    String[] parts = text.split(java.util.regex.Pattern.quote(String.valueOf(elementSeparator)), 3);
                    claims++;
                    assembler.unreadableClaim(parts.length > 1 ? parts[1] : null, new X12Problem(cause.code(),
                            "CLM", segments, "CLM (segment " + segments + "): " + cause.message()));
                }
            }
            n = 0;
            overflow = false;
            if (b < 0) {
                atEnd = true;
                return claims;
            }
        }
    }

    /** Where "ISA" followed by a separator starts in {@code seg}, at its start or after a non-letter; else -1. */
    private static int findIsa(byte[] seg, int n) {
        if (n < 4 || seg[n - 4] != 'I' || seg[n - 3] != 'S' || seg[n - 2] != 'A' || Character.isLetterOrDigit(seg[n - 1])) {
            return -1;
        }
        int start = n - 4;
        return start == 0 || !Character.isLetterOrDigit(seg[start - 1]) ? start : -1;
    }

    private static boolean blank(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isWhitespace(b[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private static java.util.logging.Logger quiet() {
        java.util.logging.Logger log = java.util.logging.Logger.getLogger("io.xlate.edi");
        log.setLevel(java.util.logging.Level.WARNING);
        return log;
    }

    private static Schema loadSchema() {
        try (InputStream s = X12Input.class.getResourceAsStream("837P.xml")) {
            return SchemaFactory.newFactory().createSchema(s);
        } catch (IOException | EDISchemaException e) {
            throw new IllegalStateException("the bundled 837P schema cannot be loaded", e);
        }
    }
}
