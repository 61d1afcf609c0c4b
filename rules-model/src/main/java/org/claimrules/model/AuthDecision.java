package org.claimrules.model;

public enum AuthDecision {
    AFFIRMED, NON_AFFIRMED
}
