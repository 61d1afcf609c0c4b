package org.claimrules.spark;

import java.io.Serializable;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.SparkContext;
import org.apache.spark.SparkFiles;
import org.claimrules.engine.ClaimEngine;
import org.claimrules.engine.RulesetException;

/**
 * Which ruleset a job scores with, as the driver names it to the executors: the bundled one (the
 * kjar inside the job's jar) or a folder. The driver ships a folder with the job ({@code addFile})
 * when Spark can: always in local mode, and from a Hadoop filesystem ({@code hdfs:}, {@code s3a:}...)
 * on a cluster, where Spark refuses to ship a local folder. Otherwise the path is read as given on
 * every JVM: a shared filesystem, or a folder each container unpacked ({@code --archives}).
 *
 * @param folderName the folder's name, null for the bundled ruleset
 * @param path where each JVM reads an unshipped folder (relative to its working directory)
 * @param shipped whether the folder was shipped, so that each JVM reads its {@link SparkFiles} copy
 */
record RulesetRef(String folderName, String path, boolean shipped) implements Serializable {

    /** A URI scheme (two letters at least, so that a Windows drive is a path). */
    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]+):");

    static RulesetRef bundled() {
        return new RulesetRef(null, null, false);
    }

    /** The folder named by {@code --rules}, shipped to the executors when it can be (see the class comment). */
    static RulesetRef folder(SparkContext sc, String rules) {
        Matcher m = SCHEME.matcher(rules);
        String scheme = m.find() ? m.group(1).toLowerCase(Locale.ROOT) : null;
        if (scheme != null && !scheme.equals("file")) {
            sc.addFile(rules, true);
            return new RulesetRef(new org.apache.hadoop.fs.Path(rules).getName(), null, true);
        }
        Path local = scheme != null ? Path.of(URI.create(rules)) : Path.of(rules);
        Path name = local.toAbsolutePath().normalize().getFileName();
        if (sc.isLocal() && Files.isDirectory(local)) {
            sc.addFile(local.toAbsolutePath().normalize().toString(), true);
            return new RulesetRef(name.toString(), null, true);
        }
        // Not a folder here: loading it reports the problem as 'claimrules score --rules' does.
        return new RulesetRef(name == null ? "ruleset" : name.toString(), local.toString(), false);
    }

    boolean isBundled() {
        return folderName == null;
    }

    /** Where this JVM loads the ruleset from: the holder's key. */
    String location() {
        return isBundled() ? "bundled" : resolve().toString();
    }

    private Path resolve() {
        return shipped ? Path.of(SparkFiles.get(folderName)) : Path.of(path).toAbsolutePath();
    }

    ClaimEngine load() throws RulesetException {
        return isBundled() ? ClaimEngine.bundled() : ClaimEngine.fromDirectory(resolve());
    }
}
