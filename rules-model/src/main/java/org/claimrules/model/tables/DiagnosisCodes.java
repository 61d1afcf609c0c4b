package org.claimrules.model.tables;

import java.util.Locale;

/** ICD-10-CM codes are accepted with or without the dot: {@code M47.816} is {@code M47816}. */
public final class DiagnosisCodes {

    private DiagnosisCodes() {
    }

    public static String normalize(String code) {
        return code == null ? null : code.replace(".", "").trim().toUpperCase(Locale.ROOT);
    }
}
