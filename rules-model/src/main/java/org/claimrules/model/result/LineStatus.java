package org.claimrules.model.result;

public enum LineStatus {
    ALLOWED, DENIED, PENDED, RETURNED
}
