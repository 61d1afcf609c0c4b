package org.claimrules.model.facts;

import org.claimrules.model.Laterality;

/**
 * The laterality a facet line is billed with: bilateral when its code carries 50 or stands on an
 * RT line and an LT line of the same date; otherwise the side it names, or null when it names none.
 */
public record BilledLaterality(FacetLine line, boolean bilateral, Laterality side) {

    public boolean disagreesWith(Laterality documented) {
        if (documented == Laterality.BILATERAL) {
            return !bilateral;
        }
        return bilateral || (side != null && side != documented);
    }

    public String describe() {
        return bilateral ? "bilateral" : side == null ? "one side" : side.name().toLowerCase();
    }
}
