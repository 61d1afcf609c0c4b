package org.claimrules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.claimrules.model.BillingProvider;
import org.claimrules.model.Claim;
import org.claimrules.model.ClaimLine;
import org.claimrules.model.Clinical;
import org.claimrules.model.Guidance;
import org.claimrules.model.HistoryEntry;
import org.claimrules.model.Intent;
import org.claimrules.model.Laterality;
import org.claimrules.model.Patient;
import org.claimrules.model.Payer;
import org.claimrules.model.ProviderRole;
import org.claimrules.model.Region;
import org.claimrules.model.Scale;
import org.claimrules.model.result.ClaimResult;
import org.claimrules.model.result.Edit;
import org.claimrules.testing.Rulesets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A third payer profile is only data: a regional plan that covers 3 diagnostic sessions a year,
 * added to a copy of the bundled ruleset's profile list and facet parameters, scores without any
 * Java change.
 */
class PayerProfileAsDataTest {

    @TempDir
    static Path dir;
    static ClaimEngine engine;

    @BeforeAll
    static void addRegionalPlan() throws Exception {
        Rulesets.copyOfBundled(dir);
        // Same as COMMERCIAL but 3 diagnostic sessions in 12 months; no prior-authorization row.
        Rulesets.appendLine(dir.resolve("tables/profiles.csv"), "REGIONAL,A regional plan");
        Rulesets.appendLine(dir.resolve("tables/facet/profile-parameters.csv"),
                "REGIONAL,,,DOCUMENTATION,50,1,50,13,3,4,,,,,false,true,,true,true,false,,EITHER,3,EITHER,EITHER,EITHER,,");
        engine = ClaimEngine.fromDirectory(dir);
    }

    @Test
    void theRegionalPlanDeniesAFourthDiagnosticSessionWhereCommercialDoesNot() {
        ClaimResult regional = engine.score(claimWithThreeEarlierDiagnostics("REGIONAL"));
        ClaimResult commercial = engine.score(claimWithThreeEarlierDiagnostics("COMMERCIAL"));
        assertEquals(List.of("FJ-FREQ-001", "FJ-FREQ-001"), ids(regional));
        assertTrue(ids(commercial).stream().noneMatch(id -> id.startsWith("FJ-FREQ")), ids(commercial).toString());
    }

    @Test
    void aThirdDiagnosticSessionIsWithinTheRegionalCap() {
        Claim claim = claimWithThreeEarlierDiagnostics("REGIONAL");
        Claim third = new Claim(claim.claimId(), claim.payer(), claim.billingProvider(), claim.placeOfService(),
                claim.priorAuthorization(), claim.patient(), claim.diagnoses(), claim.lines(), claim.clinical(),
                claim.history().subList(1, 3));
        assertEquals(List.of(), ids(engine.score(third)));
    }

    @Test
    void theMissingPriorAuthorizationRowsAreAWarningNamingTheProfileAndTheTable() throws Exception {
        List<String> warnings = engine.ruleset().warnings().stream().map(Object::toString).toList();
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith("tables/facet/prior-authorization.csv: warning: profile REGIONAL "),
                warnings.toString());
        assertEquals(List.of(), ClaimEngine.bundled().ruleset().warnings(), "the bundled profiles have every table");
    }

    @Test
    void anUnknownProfileIsAnInputErrorNamingTheField() {
        InvalidClaimException e = assertThrows(InvalidClaimException.class,
                () -> engine.score(claimWithThreeEarlierDiagnostics("MEDICAID")));
        assertEquals("UNKNOWN_PROFILE", e.code());
        assertEquals("payer.profile", e.field());
    }

    private static List<String> ids(ClaimResult result) {
        List<String> ids = new ArrayList<>();
        for (Edit e : result.edits()) {
            ids.add(e.editId());
        }
        return ids;
    }

    /** A documented diagnostic lumbar session with an authorization, after three earlier ones (each 85 %). */
    static Claim claimWithThreeEarlierDiagnostics(String profile) {
        LocalDate date = LocalDate.of(2026, 3, 2);
        List<HistoryEntry> history = List.of(
                new HistoryEntry(LocalDate.of(2025, 6, 2), Region.LUMBAR_SACRAL, Intent.DIAGNOSTIC, List.of("L4-L5"), 85, 0, "H-1"),
                new HistoryEntry(LocalDate.of(2025, 9, 1), Region.LUMBAR_SACRAL, Intent.DIAGNOSTIC, List.of("L4-L5"), 85, 0, "H-2"),
                new HistoryEntry(LocalDate.of(2025, 12, 1), Region.LUMBAR_SACRAL, Intent.DIAGNOSTIC, List.of("L4-L5"), 85, 0, "H-3"));
        Clinical clinical = new Clinical(Intent.DIAGNOSTIC, null, Guidance.FLUOROSCOPY, List.of("L4-L5", "L5-S1"),
                Laterality.BILATERAL, 6, true, new Scale("NRS", 7), new Scale("ODI", 40), false, null);
        return new Claim("R-1", new Payer(profile, null), new BillingProvider("1234567893", ProviderRole.PRACTITIONER, false),
                "11", new org.claimrules.model.PriorAuthorization("AUTH-1", org.claimrules.model.AuthDecision.AFFIRMED,
                        LocalDate.of(2026, 2, 20)),
                new Patient("M-R1", LocalDate.of(1970, 1, 1), "F"), List.of("M47.816"),
                List.of(new ClaimLine(1, "64493", List.of("50"), 1, date, List.of(1), null),
                        new ClaimLine(2, "64494", List.of("50"), 1, date, List.of(1), null)),
                clinical, history);
    }
}
