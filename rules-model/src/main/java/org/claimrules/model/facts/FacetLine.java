package org.claimrules.model.facts;

import java.time.LocalDate;
import org.claimrules.model.Region;
import org.claimrules.model.tables.FacetCode;

/**
 * A line coded 64490-64495, classified by the derivation rules: its code family row and the region
 * its session counts in (which the thoracolumbar junction rule can move from the code's own region).
 */
public record FacetLine(Line line, FacetCode family, Region region) {

    public int lineNumber() {
        return line.lineNumber();
    }

    public String code() {
        return line.procedureCode();
    }

    public LocalDate serviceDate() {
        return line.serviceDate();
    }

    public int level() {
        return family.level();
    }

    public boolean addOn() {
        return family.addOn();
    }

    public boolean hasModifier(String modifier) {
        return line.hasModifier(modifier);
    }

    /** This line and the other carry opposite sides (one RT, one LT). */
    public boolean bilateralPairWith(FacetLine other) {
        return line.oneSide() && other.line().oneSide() && !line.side().equals(other.line().side());
    }
}
