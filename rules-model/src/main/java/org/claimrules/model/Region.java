package org.claimrules.model;

/** Spinal regions in which sessions are counted (claim-format.md). */
public enum Region {
    CERVICAL_THORACIC, LUMBAR_SACRAL;

    public Region other() {
        return this == CERVICAL_THORACIC ? LUMBAR_SACRAL : CERVICAL_THORACIC;
    }
}
