package org.claimrules.model;

/** Why a facet procedure was done. RFA appears only in history (radiofrequency ablation). */
public enum Intent {
    DIAGNOSTIC, THERAPEUTIC, RFA
}
