package org.claimrules.model.tables;

public enum ScalesRequired {
    BOTH, EITHER
}
