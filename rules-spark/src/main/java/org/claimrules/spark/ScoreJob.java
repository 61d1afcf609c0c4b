package org.claimrules.spark;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.claimrules.io.ClaimReader;
import scala.Tuple2;

/**
 * The scoring job: read, key each record by its member, shuffle so that each partition holds whole
 * members sorted by member and input line, score each partition, write. The results are the lines
 * {@code claimrules score} writes for the same input; the part files hold them grouped by member.
 */
final class ScoreJob {

    enum Format { JSONL, PARQUET }

    /** What the job reads, writes and scores with; {@code partitions} 0 chooses from the input and the cores. */
    record Settings(String input, Format inputFormat, String output, Format outputFormat, RulesetRef ruleset,
            String pinnedVersion, String history, int partitions) {
    }

    /**
     * Parquet output: the result line as {@code claimrules score} writes it ({@code result}), with
     * the fields one filters or joins on beside it. {@code disposition} and {@code rulesetVersion}
     * are null for an error record, {@code errorCode} for a result.
     */
    static final StructType OUTPUT = new StructType()
            .add("inputLine", DataTypes.LongType, false)
            .add("claimId", DataTypes.StringType, true)
            .add("disposition", DataTypes.StringType, true)
            .add("errorCode", DataTypes.StringType, true)
            .add("rulesetVersion", DataTypes.StringType, true)
            .add("result", DataTypes.StringType, false);

    private ScoreJob() {
    }

    static JobTally run(SparkSession spark, Settings s) {
        JavaRDD<RawRecord> records = s.inputFormat() == Format.PARQUET
                ? Inputs.parquet(spark, s.input()) : Inputs.jsonLines(spark, s.input());
        int partitions = s.partitions() > 0 ? s.partitions()
                : Math.max(records.getNumPartitions(), 4 * spark.sparkContext().defaultParallelism());
        JobTally tally = new JobTally(spark.sparkContext());
        JavaRDD<Row> rows = records.mapToPair(ScoreJob::keyed)
                .repartitionAndSortWithinPartitions(new RecordKey.ByMember(partitions), RecordKey.ORDER)
                .mapPartitions(new PartitionScorer(s.ruleset(), s.pinnedVersion(), s.history(), tally));
        var results = spark.createDataFrame(rows, OUTPUT);
        if (s.outputFormat() == Format.PARQUET) {
            results.write().parquet(s.output());
        } else {
            results.select("result").write().text(s.output());
        }
        return tally;
    }

    /**
     * Keyed by {@code claim.memberId()} as the scorer groups; the claim is read again after the
     * shuffle, since a parsed claim is not serialisable.
     */
    static Tuple2<RecordKey, RawRecord> keyed(RawRecord r) {
        ClaimReader.Read read = r.read();
        String member = read.ok() ? read.claim().memberId() : null;
        return new Tuple2<>(new RecordKey(member, r.inputLine()), r);
    }
}
