package org.claimrules.model;

/** Who bills: the role decides the claim type (837P, ASC facility, 837I outpatient). */
public record BillingProvider(String npi, ProviderRole role, Boolean priorAuthExempt) {

    public boolean exempt() {
        return Boolean.TRUE.equals(priorAuthExempt);
    }
}
