package org.claimrules.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.List;
import org.claimrules.engine.RulesetLoader;
import org.claimrules.model.Payer;
import org.junit.jupiter.api.Test;

class PayersTableTest {

    @Test
    void theBundledTableKnowsTheTwoContractors() throws Exception {
        PayersTable t = PayersTable.load(RulesetLoader.bundledRoot());
        LocalDate d = LocalDate.of(2026, 3, 2);
        assertEquals(new Payer("MEDICARE", "CGS_J15"), t.lookup("15102", d));
        assertEquals(new Payer("MEDICARE", "CGS_J15"), t.lookup("15202", d));
        assertEquals(new Payer("MEDICARE", "NORIDIAN_JE"), t.lookup("01112", d));
        assertEquals(new Payer("MEDICARE", "NORIDIAN_JE"), t.lookup("01182", d));
        assertNull(t.lookup("99999", d));
        assertEquals(List.of(), PayersTable.problems(RulesetLoader.bundledRoot(),
                Scoring.engine().ruleset().data().profileNames()));
    }

    @Test
    void theRowValidOnTheServiceDateApplies() {
        PayersTable t = PayersTable.of(List.of(
                new PayerRow("123", "COMMERCIAL", null, null, LocalDate.of(2025, 12, 31), "before"),
                new PayerRow("123", "MEDICARE", "CGS_J15", LocalDate.of(2026, 1, 1), null, "from 2026")));
        assertEquals("COMMERCIAL", t.lookup("123", LocalDate.of(2025, 6, 1)).profile());
        assertEquals("MEDICARE", t.lookup("123", LocalDate.of(2026, 6, 1)).profile());
        assertNull(t.lookup("123", null), "no service date, no row: the claim falls back to its filing indicator");
    }
}
