package org.claimrules.model;

public enum Guidance {
    FLUOROSCOPY, CT, ULTRASOUND, MRI, NONE
}
