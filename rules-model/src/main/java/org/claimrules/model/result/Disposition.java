package org.claimrules.model.result;

public enum Disposition {
    RTP, DENY, PARTIAL, REVIEW, ACCEPT
}
