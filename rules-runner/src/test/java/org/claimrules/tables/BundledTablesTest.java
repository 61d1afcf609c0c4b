package org.claimrules.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import org.claimrules.engine.RulesetLoader;
import org.claimrules.model.tables.FacetCode;
import org.junit.jupiter.api.Test;

class BundledTablesTest {

    @Test
    void everyBundledTableRowParsesWithValidDates() throws Exception {
        ReferenceData.Loaded loaded = ReferenceData.load(RulesetLoader.bundledRoot());
        assertEquals(List.of(), loaded.problems());
        assertTrue(loaded.data().knowsProfile("MEDICARE"));
        assertTrue(loaded.data().knowsProfile("COMMERCIAL"));
        assertEquals(6, List.of("64490", "64491", "64492", "64493", "64494", "64495").stream()
                .filter(loaded.data()::isFacetCode).count());
        assertFalse(loaded.data().coveredDiagnosis("M47816").isEmpty(), "diagnoses are looked up without the dot");
    }

    @Test
    void aRowThatDoesNotParseIsReportedWithFileLineAndColumn() throws Exception {
        String csv = "code,region,level,addOn,primaryCode,requiresCode,description,validFrom,validTo\n"
                + "64490,CERVICAL_THORACIC,1,false,,,ok,,\n"
                + "64491,CERVICAL_THORACIC,two,true,64490,,bad level,2026-13-01,\n";
        TableReader.Result<FacetCode> result = TableReader.read("tables/facet/code-families.csv", new StringReader(csv), FacetCode.class);
        assertEquals(1, result.rows().size());
        assertEquals(2, result.problems().size());
        TableProblem level = result.problems().get(0);
        assertEquals(3, level.line());
        assertEquals("level", level.column());
        assertEquals("validFrom", result.problems().get(1).column());
    }

    @Test
    void overlappingValidityForTheSameKeyIsReported() throws Exception {
        String csv = "code,nonFacility,facility,bilateralIndicator,source,validFrom,validTo\n"
                + "64493,172.08,88.31,1,a,2026-01-01,2026-12-31\n"
                + "64493,180.00,90.00,1,b,2026-06-01,\n"
                + "64494,87.98,49.17,1,c,2027-01-01,2026-12-31\n";
        TableReader.Result<org.claimrules.model.tables.Fee> result =
                TableReader.read("tables/fees.csv", new StringReader(csv), org.claimrules.model.tables.Fee.class);
        List<TableProblem> problems = ValidityOverlaps.find(ReferenceData.FEES, result.rows());
        assertEquals(2, problems.size(), problems.toString());
        assertEquals(3, problems.get(0).line());
        assertTrue(problems.get(1).message().contains("after"), problems.get(1).message());
    }
}
