package org.claimrules.model;

import java.time.LocalDate;

/** Protected health information: never log these fields. */
public record Patient(String memberId, LocalDate birthDate, String sex) {

    @Override
    public String toString() {
        return "Patient[redacted]";
    }
}
