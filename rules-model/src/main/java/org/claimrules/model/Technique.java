package org.claimrules.model;

/** The documented technique: injections (block, intra-articular) or ablations (thermal RF and the others). */
public enum Technique {
    MEDIAL_BRANCH_BLOCK, INTRA_ARTICULAR, THERMAL_RF, PULSED_RF, CRYOABLATION, CHEMICAL
}
