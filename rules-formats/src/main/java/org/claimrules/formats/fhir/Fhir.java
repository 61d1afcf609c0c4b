package org.claimrules.formats.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.PerformanceOptionsEnum;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.LenientErrorHandler;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.ClaimResponse;

/**
 * The one HAPI FHIR R4 context of the process (thread-safe, costly to build), and the code
 * systems claimrules writes. {@link #warm()} builds it and runs one parse and one encode, so that
 * the first FHIR claim of a run is not slower than the rest.
 */
public final class Fhir {

    /** Where our own codes live: line status, error codes, what a supporting information entry documents. */
    public static final String BASE = "https://claimrules.org/fhir/CodeSystem/";
    public static final String LINE_STATUS = BASE + "line-status";
    public static final String ERROR_CODE = BASE + "error-code";
    public static final String DISPOSITION = BASE + "disposition";
    public static final String CLINICAL = BASE + "clinical";
    public static final String CARC = "https://x12.org/codes/claim-adjustment-reason-codes";
    public static final String GROUP_CODE = "https://x12.org/codes/claim-adjustment-group-codes";
    public static final String NPI = "http://hl7.org/fhir/sid/us-npi";
    public static final String SOPT = "urn:oid:2.16.840.1.113883.3.221.5";

    private static final FhirContext CONTEXT = context(FhirContext.forR4());

    private Fhir() {
    }

    public static FhirContext context() {
        return CONTEXT;
    }

    /**
     * HAPI scans a model class's children only when they are first used: the first parse then
     * scans the types a Claim uses, not every type that the resource classes name.
     */
    private static FhirContext context(FhirContext context) {
        context.setPerformanceOptions(PerformanceOptionsEnum.DEFERRED_MODEL_SCANNING);
        return context;
    }

    /**
     * A JSON parser that ignores unknown elements without logging and refuses invalid values with
     * an {@link InvalidValue} that names the element and holds the value (for finding the element,
     * never for a message: it may be a patient's).
     */
    static IParser parser() {
        LenientErrorHandler handler = new LenientErrorHandler(false) {
            @Override
            public void invalidValue(IParseLocation location, String value, String error) {
                if (value != null && !value.isBlank()) {
                    throw new InvalidValue(location == null ? null : location.getParentElementName(), value);
                }
                super.invalidValue(location, value, error);
            }
        };
        handler.setErrorOnInvalidValue(true);
        return CONTEXT.newJsonParser().setParserErrorHandler(handler);
    }

    /** A value its FHIR type does not allow, in the element named {@code element} (null if HAPI did not say). */
    static final class InvalidValue extends DataFormatException {
        final String element;
        final transient String value;

        InvalidValue(String element, String value) {
            super("element " + element + " has a value its FHIR type does not allow");
            this.element = element;
            this.value = value;
        }
    }

    public static void warm() {
        Claim claim = parser().parseResource(Claim.class,
                "{\"resourceType\":\"Claim\",\"id\":\"warm\",\"use\":\"claim\",\"item\":[{\"sequence\":1}]}");
        ClaimResponse response = new ClaimResponse();
        response.setId(claim.getIdElement().getIdPart());
        CONTEXT.newJsonParser().encodeResourceToString(response);
    }
}
