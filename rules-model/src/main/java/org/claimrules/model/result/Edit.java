package org.claimrules.model.result;

/**
 * One edit reported on a claim. {@code lineNumber} is null for claim-level edits; group code,
 * CARC and RARC are null for REVIEW and WARN edits.
 */
public record Edit(
        String editId,
        Integer lineNumber,
        Severity severity,
        String category,
        String groupCode,
        String carc,
        String rarc,
        String message,
        String reference) {
}
