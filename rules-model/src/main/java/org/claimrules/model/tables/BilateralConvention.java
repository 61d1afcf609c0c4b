package org.claimrules.model.tables;

/** How a bilateral facet procedure must be reported. */
public enum BilateralConvention {
    /** One line with modifier 50. */
    MODIFIER_50,
    /** An RT line and an LT line. */
    RT_LT,
    /** Either form is accepted. */
    EITHER
}
