package org.claimrules.model;

/** Spinal regions in which facet sessions are counted. */
public enum Region {
    CERVICAL_THORACIC, LUMBAR_SACRAL;

    public Region other() {
        return this == CERVICAL_THORACIC ? LUMBAR_SACRAL : CERVICAL_THORACIC;
    }
}
