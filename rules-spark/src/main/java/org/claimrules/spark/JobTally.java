package org.claimrules.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkContext;
import org.apache.spark.util.CollectionAccumulator;
import org.apache.spark.util.LongAccumulator;
import org.claimrules.model.result.ClaimResult;
import org.claimrules.model.result.Disposition;
import org.claimrules.model.result.Outcome;

/**
 * Counts and per-partition timings gathered by the tasks, read by the driver once the job ends.
 * Spark applies a successful task's updates once; a stage recomputed after a lost executor may
 * count its records twice (the counts then exceed the input, the output does not).
 */
final class JobTally implements Serializable {

    /**
     * What one partition's scoring took: records, and nanoseconds scoring them (reading, rules,
     * JSON) in elapsed time and in the task thread's CPU time, which other load on the machine
     * does not inflate.
     */
    record PartitionTime(long records, long scoringNanos, long scoringCpuNanos) implements Serializable {
    }

    private final LongAccumulator errors;
    private final Map<Disposition, LongAccumulator> byDisposition = new EnumMap<>(Disposition.class);
    private final CollectionAccumulator<PartitionTime> partitions;

    JobTally(SparkContext sc) {
        errors = sc.longAccumulator("error records");
        for (Disposition d : Disposition.values()) {
            byDisposition.put(d, sc.longAccumulator("results " + d));
        }
        partitions = sc.collectionAccumulator("partition times");
    }

    void add(Outcome outcome) {
        if (outcome instanceof ClaimResult r) {
            byDisposition.get(r.disposition()).add(1);
        } else {
            errors.add(1);
        }
    }

    void add(PartitionTime time) {
        partitions.add(time);
    }

    long errors() {
        return errors.value();
    }

    long results(Disposition d) {
        return byDisposition.get(d).value();
    }

    long records() {
        long n = errors();
        for (Disposition d : Disposition.values()) {
            n += results(d);
        }
        return n;
    }

    List<PartitionTime> partitionTimes() {
        return new ArrayList<>(partitions.value());
    }
}
