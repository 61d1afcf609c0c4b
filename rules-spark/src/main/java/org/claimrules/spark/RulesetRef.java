package org.claimrules.spark;

import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.SparkFiles;
import org.claimrules.engine.ClaimEngine;
import org.claimrules.engine.RulesetException;

/**
 * Which ruleset a job scores with, as the driver names it to the executors: the bundled one (the
 * kjar inside the job's jar) or a folder. A folder is shipped with the job ({@code addFile}, so it
 * reaches executors without a shared filesystem); an executor uses the shipped copy and, where
 * there is none, the driver's path (a shared filesystem).
 */
record RulesetRef(String folderName, String driverPath) implements Serializable {

    static RulesetRef bundled() {
        return new RulesetRef(null, null);
    }

    static RulesetRef folder(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        return new RulesetRef(abs.getFileName().toString(), abs.toString());
    }

    boolean isBundled() {
        return folderName == null;
    }

    /** Where this JVM loads the ruleset from: the holder's key. */
    String location() {
        return isBundled() ? "bundled" : resolve().toString();
    }

    private Path resolve() {
        Path shipped = Path.of(SparkFiles.get(folderName));
        return Files.isDirectory(shipped) ? shipped : Path.of(driverPath);
    }

    ClaimEngine load() throws RulesetException {
        return isBundled() ? ClaimEngine.bundled() : ClaimEngine.fromDirectory(resolve());
    }

    @Override
    public String toString() {
        return isBundled() ? "(bundled)" : driverPath;
    }
}
