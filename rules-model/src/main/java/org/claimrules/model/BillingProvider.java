package org.claimrules.model;

/**
 * Who bills: the role decides the claim type (837P, ASC facility, 837I outpatient).
 * {@code criticalAccessHospital} (optional, default false) marks a hospital outside the Medicare
 * outpatient prior authorization program; the prior-authorization tables say which programs honour it.
 */
public record BillingProvider(String npi, ProviderRole role, Boolean priorAuthExempt, Boolean criticalAccessHospital) {

    /** A provider as claims without the critical-access field describe it. */
    public BillingProvider(String npi, ProviderRole role, Boolean priorAuthExempt) {
        this(npi, role, priorAuthExempt, null);
    }

    public boolean exempt() {
        return Boolean.TRUE.equals(priorAuthExempt);
    }

    public boolean criticalAccess() {
        return Boolean.TRUE.equals(criticalAccessHospital);
    }
}
