package org.claimrules.model;

public enum ProviderRole {
    PRACTITIONER, ASC_FACILITY, HOSPITAL_OUTPATIENT
}
