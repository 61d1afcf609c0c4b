package org.claimrules.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.claimrules.engine.EditDefinition;
import org.claimrules.engine.Ruleset;
import org.claimrules.model.result.Disposition;
import org.claimrules.tables.RowType;

/**
 * What {@code score --summary} writes: how far the run got, and counts by disposition, edit,
 * edit family, payer profile and place of service, with denied charges by edit. Counts cover
 * the claims scored; in a complete run that is every record of the output.
 *
 * <p>{@code deniedChargesByEdit} counts a line under every edit that denied it, so it can add up
 * to more than {@code deniedCharges}; {@code deniedChargesOnLinesWithSeveralEdits} is the part of
 * {@code deniedCharges} on such lines. Edit titles and place-of-service names come from the
 * ruleset that scored the batch ({@link #withNames}).
 */
@JsonPropertyOrder({"complete", "stoppedAt", "claimsRead", "recordsWritten", "results", "errorRecords",
        "rulesetVersion", "threads", "partitions", "seconds", "claimsPerSecond", "byDisposition",
        "errorsByCode", "byPayerProfile", "byPlaceOfService", "placeOfServiceNames", "edits", "editsByFamily",
        "billedCharges", "deniedCharges", "deniedChargesByEdit", "deniedChargesOnLinesWithSeveralEdits"})
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
        Map<String, String> placeOfServiceNames,
        Map<String, EditCount> edits,
        Map<String, Long> editsByFamily,
        BigDecimal billedCharges,
        BigDecimal deniedCharges,
        Map<String, BigDecimal> deniedChargesByEdit,
        BigDecimal deniedChargesOnLinesWithSeveralEdits) {

    /** One edit: its family, its title (the rule's name after the ID), how often it fired and on how many claims. */
    public record EditCount(String family, String title, long count, long claims) {
    }

    public static BatchSummary of(BatchTally t, boolean complete, String stoppedAt, long read, long written,
            String rulesetVersion, int threads, int partitions, double seconds) {
        synchronized (t) {
            Map<String, EditCount> edits = new TreeMap<>();
            t.editCounts.forEach((id, n) -> edits.put(id, new EditCount(t.editFamily.get(id), null, n,
                    t.claimsByEdit.getOrDefault(id, 0L))));
            return new BatchSummary(complete, stoppedAt, read, written, t.results, t.errors, rulesetVersion,
                    threads, partitions, Math.round(seconds * 1000) / 1000.0,
                    Math.round(read / Math.max(seconds, 1e-9)), t.byDisposition(), new TreeMap<>(t.errorsByCode),
                    deepCopy(t.byProfile), deepCopy(t.byPlaceOfService), Map.of(), edits,
                    new TreeMap<>(t.editsByFamily), t.billedCharges, t.deniedCharges,
                    new TreeMap<>(t.deniedChargesByEdit), t.deniedBySeveralEdits);
        }
    }

    /**
     * The same summary with the edits' titles and the places of service's names from the ruleset's
     * catalogue and {@code tables/places-of-service.csv}; a code the table does not name keeps no name.
     * A null ruleset (a run without rules) changes nothing.
     */
    public BatchSummary withNames(Ruleset ruleset) {
        String placesTable = "places-of-service"; // the manifest's name of tables/places-of-service.csv
        if (ruleset == null) {
            return this;
        }
        Map<String, String> titles = new TreeMap<>();
        for (EditDefinition d : ruleset.catalog().edits()) {
            titles.put(d.editId(), d.title());
        }
        Map<String, EditCount> named = new TreeMap<>();
        edits.forEach((id, e) -> named.put(id, new EditCount(e.family(), titles.get(id), e.count(), e.claims())));
        Map<String, String> places = new TreeMap<>();
        for (String code : byPlaceOfService.keySet()) {
            Object row = ruleset.data().find(placesTable, "code", code);
            if (row != null && RowType.get(row, "name") != null) {
                places.put(code, String.valueOf(RowType.get(row, "name")));
            }
        }
        return new BatchSummary(complete, stoppedAt, claimsRead, recordsWritten, results, errorRecords,
                rulesetVersion, threads, partitions, seconds, claimsPerSecond, byDisposition, errorsByCode,
                byPayerProfile, byPlaceOfService, places, named, editsByFamily, billedCharges, deniedCharges,
                deniedChargesByEdit, deniedChargesOnLinesWithSeveralEdits);
    }

    private static Map<String, Map<Disposition, Long>> deepCopy(Map<String, Map<Disposition, Long>> m) {
        Map<String, Map<Disposition, Long>> copy = new TreeMap<>();
        m.forEach((k, v) -> copy.put(k == null ? "(none)" : k, new LinkedHashMap<>(v)));
        return copy;
    }
}
