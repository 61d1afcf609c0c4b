package org.claimrules.model;

/** Why a procedure was done (claim-format.md); RFA marks a radiofrequency ablation session in history. */
public enum Intent {
    DIAGNOSTIC, THERAPEUTIC, RFA
}
