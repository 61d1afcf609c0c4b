package org.claimrules.model;

public enum Technique {
    MEDIAL_BRANCH_BLOCK, INTRA_ARTICULAR
}
