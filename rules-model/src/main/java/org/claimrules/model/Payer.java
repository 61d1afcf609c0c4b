package org.claimrules.model;

/** The payer profile that selects policy parameters, and the Medicare contractor where it matters. */
public record Payer(String profile, String mac) {
}
