package org.claimrules.model.tables;

import java.time.LocalDate;
import org.claimrules.model.ProviderRole;

/**
 * One row of {@code tables/facet/profile-parameters.csv}: the policy parameters of a payer profile
 * for facet joint injections over a validity period. A blank optional parameter switches the edit
 * that uses it off for that profile.
 */
public record ProfileParameters(
        String profile,
        LocalDate validFrom,
        LocalDate validTo,
        IntentSource intentSource,
        int diagnosticReliefPercent,
        int positiveDiagnosticsBeforeTherapeutic,
        int repeatTherapeuticReliefPercent,
        int repeatTherapeuticReliefWeeks,
        int diagnosticSessionsPer12Months,
        int therapeuticSessionsPer12Months,
        Integer minDaysBetweenDiagnostics,
        Integer diagnosticSessionsBeforeReview,
        Integer maxLevelsPerSession,
        Integer maxRegionsPerSession,
        boolean kxRequiredOnDiagnostic,
        boolean sedationCovered,
        boolean ultrasoundGuidedFacetCovered,
        boolean rfaNonCandidateReasonRequired,
        Integer rfaSuccessReliefPercent,
        ScalesRequired scalesRequired,
        int minPainDurationMonths,
        BilateralConvention bilateralPractitioner,
        BilateralConvention bilateralAscFacility,
        BilateralConvention bilateralHospital,
        LocalDate lcdEditsFrom,
        String lcdRarc) implements Dated {

    /** True when the profile's own (LCD) edits apply on this service date. */
    public boolean lcdInForce(LocalDate serviceDate) {
        return lcdEditsFrom == null || !serviceDate.isBefore(lcdEditsFrom);
    }

    public BilateralConvention bilateralConvention(ProviderRole role) {
        return switch (role) {
            case PRACTITIONER -> bilateralPractitioner;
            case ASC_FACILITY -> bilateralAscFacility;
            case HOSPITAL_OUTPATIENT -> bilateralHospital;
        };
    }
}
