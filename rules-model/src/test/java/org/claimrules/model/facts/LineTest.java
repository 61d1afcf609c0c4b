package org.claimrules.model.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.claimrules.model.Claim;
import org.claimrules.model.Clinical;
import org.claimrules.model.Patient;
import org.junit.jupiter.api.Test;

/**
 * A line carries its claim so that rules read the header and the documentation without a join;
 * the claim must not make a line expensive to hash (derived facts keyed on lines are hashed on
 * every logical insert) nor put the claim's content into a line's text.
 */
class LineTest {

    private static Claim claim(String id, Clinical clinical) {
        return new Claim(id, null, null, "11", null, new Patient("MEMBER-SECRET", LocalDate.of(1950, 1, 1), "F"),
                List.of("M47.816"), List.of(), clinical, List.of());
    }

    private static Line line(Claim claim) {
        return new Line(1, "64493", Set.of("RT"), 1, LocalDate.of(2026, 3, 2), List.of("M47.816"), List.of(), claim);
    }

    @Test
    void aLineIsEqualOnlyToALineOfTheSameClaimAndHashesWithoutIt() {
        Claim a = claim("C-1", null);
        Claim b = claim("C-2", null);
        assertEquals(line(a), line(a));
        assertNotEquals(line(a), line(b));
        assertNotEquals(line(a), line(claim("C-1", null)), "an equal claim that is another instance is another claim");
        assertEquals(line(a).hashCode(), line(b).hashCode(), "the hash code leaves the claim out");
    }

    @Test
    void aLineReadsItsClaimsDocumentation() {
        Clinical note = new Clinical(null, null, null, List.of("L4-L5"), null, 6, true, null, null, false, null);
        assertSame(note, line(claim("C-1", note)).clinical());
        assertNull(line(claim("C-2", null)).clinical());
    }

    @Test
    void aLinesTextNamesItsClaimButNotTheMember() {
        String text = line(claim("C-1", null)).toString();
        assertTrue(text.contains("claim C-1") && text.contains("64493"), text);
        assertFalse(text.contains("MEMBER-SECRET") || text.contains("1950"), text);
    }
}
