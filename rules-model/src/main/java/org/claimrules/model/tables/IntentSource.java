package org.claimrules.model.tables;

/** Where a payer reads the intent of a facet line from. */
public enum IntentSource {
    /** KX on the line means diagnostic, no KX therapeutic (Medicare contractors). */
    KX_MODIFIER,
    /** The documented intent decides; KX only when the documentation is silent. */
    DOCUMENTATION
}
