package org.claimrules.model;

public enum Laterality {
    LEFT, RIGHT, BILATERAL
}
