package org.claimrules.spark;

import java.util.Arrays;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapreduce.lib.input.TextInputFormat;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/** Reads the job's input into records numbered as {@code claimrules score} numbers them. */
final class Inputs {

    private Inputs() {
    }

    /**
     * JSON Lines (gzip read compressed, by Hadoop's codecs). Lines are split on {@code \n} only,
     * as {@link org.claimrules.io.RecordReader} splits them (Hadoop's default also splits on a lone
     * {@code \r}), and numbered from 1 over every line, blank ones included, so error records name
     * the same input line. Hadoop drops a UTF-8 byte order mark at the start of a file, as the
     * command line does. A folder of files is numbered on, file after file, in Hadoop's listing order.
     */
    static JavaRDD<RawRecord> jsonLines(SparkSession spark, String path) {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Configuration conf = new Configuration(sc.hadoopConfiguration());
        conf.set("textinputformat.record.delimiter", "\n");
        JavaRDD<String> lines = sc.newAPIHadoopFile(path, TextInputFormat.class, LongWritable.class, Text.class, conf)
                .map(t -> t._2().toString());
        return lines.zipWithIndex()
                .flatMap(t -> RawRecord.ofLine(t._1(), t._2() + 1).stream().iterator());
    }

    /**
     * Parquet whose columns follow the JSON claim format (nested structs, lists): each row is turned
     * back into JSON text so that the same reader, with the same checks and error records, reads it.
     * Null columns are left out, as an absent JSON field. The input line of a row is its position
     * in its file, from 1 ({@code _metadata.row_index}).
     */
    static JavaRDD<RawRecord> parquet(SparkSession spark, String path) {
        Dataset<Row> table = spark.read().parquet(path);
        Column[] columns = Arrays.stream(table.columns()).map(functions::col).toArray(Column[]::new);
        return table.select(functions.to_json(functions.struct(columns)), functions.col("_metadata.row_index"))
                .javaRDD()
                .map(row -> RawRecord.ofJson(row.getString(0), row.getLong(1) + 1));
    }
}
