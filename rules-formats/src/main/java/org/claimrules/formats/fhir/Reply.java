package org.claimrules.formats.fhir;

/**
 * What a ClaimResponse needs from its Claim and the claim model does not hold, carried with the
 * record from reading to writing: the Claim's reference, its type code, and the patient and
 * insurer as the Claim named them (a literal reference, or an identifier).
 */
record Reply(String request, String type, String patientReference, String patientSystem, String patientValue,
        String insurerReference, String insurerSystem, String insurerValue, String insurerDisplay) {

    static final String KEY = "fhir";
}
