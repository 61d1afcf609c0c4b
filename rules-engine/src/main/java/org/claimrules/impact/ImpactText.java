package org.claimrules.impact;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.claimrules.model.result.Disposition;

/** The impact report as text for the terminal. */
public final class ImpactText {

    /** Claims listed one by one at most; the JSON and HTML reports list all. */
    static final int MAX_LISTED = 50;
    static final String NO_ESTIMATE = "no estimate";

    private ImpactText() {
    }

    public static void print(ImpactReport r, PrintWriter out) {
        out.println("Impact on " + r.claims() + " claims of " + r.input());
        out.println("  baseline: " + r.baseline().source() + " (" + r.baseline().version() + ")");
        out.println("  changed:  " + r.changed().source() + " (" + r.changed().version() + ")");
        out.println();
        out.println("Dispositions          before    after   change");
        for (Disposition d : Disposition.values()) {
            int b = r.dispositionsBefore().get(d);
            int a = r.dispositionsAfter().get(d);
            out.printf("  %-18s %7d  %7d  %7s%n", d, b, a, signed(a - b));
        }
        if (r.errorRecordsBefore() + r.errorRecordsAfter() > 0) {
            out.printf("  %-18s %7d  %7d  %7s%n", "error records", r.errorRecordsBefore(), r.errorRecordsAfter(),
                    signed(r.errorRecordsAfter() - r.errorRecordsBefore()));
        }
        out.println();
        out.println("Claims whose disposition changed: " + r.dispositionChanges());
        int listed = 0;
        for (ImpactReport.ClaimChange c : r.changedClaims()) {
            if (c.dispositionChanged() && listed++ < MAX_LISTED) {
                out.println("  " + describe(c));
            }
        }
        long editOnly = r.changedClaims().size() - r.dispositionChanges();
        if (editOnly > 0) {
            out.println("Claims with other changes (edits or expected payment, same disposition): " + editOnly);
            for (ImpactReport.ClaimChange c : r.changedClaims()) {
                if (!c.dispositionChanged() && listed++ < MAX_LISTED) {
                    out.println("  " + describe(c));
                }
            }
        }
        if (listed > MAX_LISTED) {
            out.println("  ... " + (listed - MAX_LISTED) + " more (see --output or --html)");
        }
        out.println();
        out.println("Edits by edit ID        before    after   change");
        int unchanged = 0;
        for (ImpactReport.EditCount e : r.editCounts()) {
            if (e.change() == 0) {
                unchanged++;
                continue;
            }
            out.printf("  %-20s %7d  %7d  %7s%n", e.editId(), e.before(), e.after(), signed(e.change()));
        }
        if (unchanged > 0) {
            out.println("  (" + unchanged + " other edit IDs fired as often in both)");
        }
        out.println();
        ImpactReport.Money payment = r.expectedPayment();
        out.println(payment.before() == null && payment.after() == null
                ? "Expected payment: no estimate in either run (no allowed line has a fee row)"
                : "Expected payment: " + money(payment.before()) + " -> " + money(payment.after())
                        + (payment.change() == null ? "" : " (" + signedMoney(payment.change()) + ")"));
        out.flush();
    }

    static String describe(ImpactReport.ClaimChange c) {
        StringBuilder s = new StringBuilder();
        s.append(c.claimId() == null ? "record " + c.position() : c.claimId()).append(": ")
                .append(c.dispositionBefore()).append(" -> ").append(c.dispositionAfter());
        if (!c.editsAdded().isEmpty()) {
            s.append("; added ").append(String.join(", ", c.editsAdded()));
        }
        if (!c.editsRemoved().isEmpty()) {
            s.append("; removed ").append(String.join(", ", c.editsRemoved()));
        }
        if (!ImpactReport.sameAmount(c.expectedPaymentBefore(), c.expectedPaymentAfter())) {
            s.append("; expected payment ").append(money(c.expectedPaymentBefore())).append(" -> ")
                    .append(money(c.expectedPaymentAfter()));
        }
        return s.toString();
    }

    static String signed(long n) {
        return n > 0 ? "+" + n : Long.toString(n);
    }

    /** An amount, or "no estimate" where no line had one (not 0.00, which would be a price). */
    static String money(BigDecimal amount) {
        return amount == null ? NO_ESTIMATE : amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    static String signedMoney(BigDecimal amount) {
        return amount == null ? NO_ESTIMATE : (amount.signum() > 0 ? "+" : "") + money(amount);
    }
}
