package org.claimrules.model.facts;

/**
 * A change the rules make to the codes an edit reports on one claim: the group code (an ABN moves
 * liability to the patient) or a remark code (an LCD denial names the LCD). A null part keeps the
 * edit's own code from its metadata.
 */
public record Adjustment(Finding finding, String groupCode, String rarc) {
}
