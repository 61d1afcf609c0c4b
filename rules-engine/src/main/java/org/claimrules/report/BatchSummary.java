package org.claimrules.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.claimrules.model.result.Disposition;

/**
 * What {@code score --summary} writes: how far the run got, and counts by disposition, edit,
 * edit family, payer profile and place of service, with denied charges by edit. Counts cover
 * the claims scored; in a complete run that is every record of the output.
 */
@JsonPropertyOrder({"complete", "stoppedAt", "claimsRead", "recordsWritten", "results", "errorRecords",
        "rulesetVersion", "threads", "partitions", "seconds", "claimsPerSecond", "byDisposition",
        "errorsByCode", "byPayerProfile", "byPlaceOfService", "edits", "editsByFamily", "billedCharges",
        "deniedCharges", "deniedChargesByEdit"})
public record BatchSummary(
        boolean complete,
        String stoppedAt,
        long claimsRead,
        long recordsWritten,
        long results,
        long errorRecords,
        String rulesetVersion,
        int threads,
        int partitions,
        double seconds,
        double claimsPerSecond,
        Map<Disposition, Long> byDisposition,
        Map<String, Long> errorsByCode,
        Map<String, Map<Disposition, Long>> byPayerProfile,
        Map<String, Map<Disposition, Long>> byPlaceOfService,
        Map<String, EditCount> edits,
        Map<String, Long> editsByFamily,
        BigDecimal billedCharges,
        BigDecimal deniedCharges,
        Map<String, BigDecimal> deniedChargesByEdit) {

    /** One edit: its family, how often it fired and on how many claims. */
    public record EditCount(String family, long count, long claims) {
    }

    public static BatchSummary of(BatchTally t, boolean complete, String stoppedAt, long read, long written,
            String rulesetVersion, int threads, int partitions, double seconds) {
        synchronized (t) {
            Map<String, EditCount> edits = new TreeMap<>();
            t.editCounts.forEach((id, n) -> edits.put(id, new EditCount(t.editFamily.get(id), n,
                    t.claimsByEdit.getOrDefault(id, 0L))));
            return new BatchSummary(complete, stoppedAt, read, written, t.results, t.errors, rulesetVersion,
                    threads, partitions, Math.round(seconds * 1000) / 1000.0,
                    Math.round(read / Math.max(seconds, 1e-9)), t.byDisposition(), new TreeMap<>(t.errorsByCode),
                    deepCopy(t.byProfile), deepCopy(t.byPlaceOfService), edits, new TreeMap<>(t.editsByFamily),
                    t.billedCharges, t.deniedCharges, new TreeMap<>(t.deniedChargesByEdit));
        }
    }

    private static Map<String, Map<Disposition, Long>> deepCopy(Map<String, Map<Disposition, Long>> m) {
        Map<String, Map<Disposition, Long>> copy = new TreeMap<>();
        m.forEach((k, v) -> copy.put(k == null ? "(none)" : k, new LinkedHashMap<>(v)));
        return copy;
    }
}
