package org.claimrules.tables;

import java.util.function.Function;

/**
 * A data table of the ruleset: where it lives, the record each row binds to, and the key under
 * which two rows must not have overlapping validity dates (null when the table is not dated).
 */
public record TableSpec<T extends Record>(String path, Class<T> type, Function<T, String> key) {
}
