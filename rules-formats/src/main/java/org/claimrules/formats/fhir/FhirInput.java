package org.claimrules.formats.fhir;

import ca.uhn.fhir.parser.DataFormatException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayDeque;
import java.util.List;
import org.claimrules.batch.RecordInput;
import org.claimrules.formats.Carrier;
import org.claimrules.formats.PayersTable;
import org.claimrules.io.ClaimReader;
import org.claimrules.io.RecordReader;
import org.claimrules.model.result.ErrorCode;
import org.claimrules.model.result.ErrorRecord;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Claim;

/**
 * Reads FHIR R4 JSON: one resource per line (NDJSON), or resources written over several lines
 * (a pretty-printed Claim or Bundle), in any mix. Each {@code Claim}, alone or in a Bundle, becomes
 * one record in file order (see {@link ClaimMapper}); anything that is not a Claim, or cannot be
 * read, becomes one error record in its place. A resource is held whole while it is read: a
 * Bundle is limited to {@link #MAX_RESOURCE_CHARS}; for volume, send NDJSON.
 *
 * <p>A record's position is the input line where its resource (or its Bundle) starts.
 */
public final class FhirInput implements RecordInput {

    public static final int MAX_RESOURCE_CHARS = 64 << 20;
    private static final ObjectMapper SYNTAX = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200)
                    .maxStringLength(MAX_RESOURCE_CHARS).build()).build());

    private final RecordReader lines;
    private final Reader raw;
    private final ClaimMapper mapper;
    private final ArrayDeque<RecordReader.Record> ready = new ArrayDeque<>();
    private final StringBuilder value = new StringBuilder();
    private long valueLine;
    private boolean valueTooLarge;
    /** Some line of the value held bytes that are not UTF-8 (see {@link org.claimrules.io.Streams#MALFORMED}). */
    private boolean valueMalformed;
    private final JsonDepth depth = new JsonDepth();
    private boolean done;

    public FhirInput(Reader in, PayersTable payers) {
        this.raw = in;
        this.lines = new RecordReader(in, MAX_RESOURCE_CHARS);
        this.mapper = new ClaimMapper(payers);
    }

    @Override
    public RecordReader.Record next() throws IOException {
        while (ready.isEmpty() && !done) {
            RecordReader.Record line = lines.next();
            if (line == null) {
                done = true;
                if (!value.isEmpty() || valueTooLarge) {
                    incomplete("the resource starting on line " + valueLine
                            + " is not complete JSON (the input ends inside it)");
                }
            } else {
                line(line);
            }
        }
        return ready.poll();
    }

    private void line(RecordReader.Record line) {
        if (line.tooLong()) {
            resetValue();
            error(line.inputLine(), ErrorCode.TOO_LARGE, "line of " + line.length() + " characters exceeds the limit of "
                    + MAX_RESOURCE_CHARS, null);
            return;
        }
        String text = line.text();
        if (depth.inValue() && !text.isEmpty() && !Character.isWhitespace(text.charAt(0)) && JsonDepth.balanced(text)) {
            // An unindented complete value cannot be part of a pretty-printed resource: the one
            // before it was cut short (a truncated NDJSON line), and this line stands alone.
            incomplete("the resource starting on line " + valueLine + " is not complete JSON");
            resetValue();
        }
        if (!depth.inValue()) {
            valueLine = line.inputLine();
        }
        valueMalformed |= line.invalidUtf8();
        depth.scan(text);
        if (value.length() + text.length() > MAX_RESOURCE_CHARS) {
            valueTooLarge = true;
            value.setLength(0);
        } else if (!valueTooLarge) {
            value.append(text).append('\n');
        }
        if (!depth.inValue()) {
            complete();
        }
    }

    private void complete() {
        String text = value.toString();
        boolean tooLarge = valueTooLarge;
        boolean malformed = valueMalformed;
        long at = valueLine;
        resetValue();
        if (malformed) {
            // as for JSON Lines: the text is not guessed at, since that would alter its IDs
            error(at, ErrorCode.INVALID_JSON, "not valid JSON: the resource's bytes are not valid UTF-8", null);
            return;
        }
        if (tooLarge) {
            error(at, ErrorCode.TOO_LARGE, "the resource starting on line " + at + " exceeds the limit of "
                    + MAX_RESOURCE_CHARS + " characters", null);
            return;
        }
        if (text.isBlank()) {
            return;
        }
        JsonNode tree;
        try {
            tree = SYNTAX.readTree(text);
        } catch (IOException e) {
            RawResource.Broken broken = RawResource.broken(text);
            error(at, broken.claimId(), ErrorCode.INVALID_JSON, "not valid JSON (line " + at + ")", broken.path());
            return;
        }
        if (!tree.isObject()) {
            error(at, ErrorCode.NOT_AN_OBJECT, "a FHIR resource is a JSON object", null);
            return;
        }
        IBaseResource resource;
        try {
            resource = Fhir.parser().parseResource(text);
        } catch (DataFormatException e) {
            Fhir.InvalidValue invalid = invalidValue(e);
            String path = invalid == null ? null : RawResource.path(tree, invalid.element, invalid.value);
            String what = path != null ? path + " has a value its FHIR type does not allow"
                    : invalid != null ? invalid.getMessage() : ClaimMapper.plain(e.getMessage());
            error(at, RawResource.claimId(tree), ErrorCode.INVALID_VALUE, "not a valid FHIR R4 resource: " + what, path);
            return;
        } catch (RuntimeException e) {
            error(at, RawResource.claimId(tree), ErrorCode.INVALID_VALUE,
                    "not a valid FHIR R4 resource (" + e.getClass().getSimpleName() + ")", null);
            return;
        }
        if (resource instanceof Claim claim) {
            ready.add(mapper.map(claim, Resolver.of(claim, List.of()), at));
        } else if (resource instanceof Bundle bundle) {
            bundle(bundle, at);
        } else {
            error(at, ErrorCode.INVALID_VALUE, "a " + resource.fhirType() + " resource is not a Claim; it was not scored",
                    "resourceType");
        }
    }

    private void bundle(Bundle bundle, long at) {
        int claims = 0;
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            if (entry.getResource() instanceof Claim claim) {
                claims++;
                ready.add(mapper.map(claim, Resolver.of(claim, bundle.getEntry()), at));
            }
        }
        if (claims == 0) {
            error(at, ErrorCode.INVALID_VALUE, "the Bundle holds no Claim; nothing was scored", "entry");
        }
    }

    private void resetValue() {
        value.setLength(0);
        valueTooLarge = false;
        valueMalformed = false;
        depth.reset();
    }

    /** The held value is cut short: its error record names what the text read so far tells (claim ID, where it ends). */
    private void incomplete(String message) {
        RawResource.Broken broken = valueTooLarge || valueMalformed ? new RawResource.Broken(null, null)
                : RawResource.broken(value.toString());
        error(valueLine, broken.claimId(), ErrorCode.INVALID_JSON, message, broken.path());
    }

    private static Fhir.InvalidValue invalidValue(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof Fhir.InvalidValue invalid) {
                return invalid;
            }
        }
        return null;
    }

    private void error(long at, ErrorCode code, String message, String field) {
        error(at, null, code, message, field);
    }

    private void error(long at, String claimId, ErrorCode code, String message, String field) {
        String text = Carrier.error(Reply.KEY, null, ErrorRecord.of(claimId, code, message, field, at));
        ready.add(new RecordReader.Record(at, text, text.length()));
    }

    @Override
    public boolean ready() throws IOException {
        return !ready.isEmpty() || raw.ready();
    }

    @Override
    public ClaimReader.Read decode(String text, long position) {
        return Carrier.decode(Reply.KEY, text, position);
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
