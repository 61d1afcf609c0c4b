package org.claimrules.formats.x12;

/**
 * Where a claim was in its 837P file: the interchange control number (ISA13), the transaction set
 * control number (ST02) and the 1-based index of the CLM in that transaction. Written on every
 * result of an X12 claim, since CLM01 need not be unique across a file.
 */
public record X12Source(String interchange, String transaction, Integer claim) {
}
