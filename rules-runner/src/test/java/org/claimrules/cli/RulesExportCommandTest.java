package org.claimrules.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.claimrules.engine.RulesetExporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesExportCommandTest {

    @TempDir
    Path tmp;

    @Test
    void exportsRulesTablesAndPropertiesLaidOutAsInTheSourceTree() throws IOException {
        Path dir = Cli.export(tmp, "my-rules");
        assertTrue(Files.isRegularFile(dir.resolve("ruleset.properties")));
        assertTrue(Files.isRegularFile(dir.resolve("tables/facet/profile-parameters.csv")));
        assertTrue(Files.isRegularFile(dir.resolve("tables/fees.csv")));
        try (Stream<Path> files = Files.walk(dir)) {
            List<String> names = files.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).toList();
            assertTrue(names.stream().anyMatch(n -> n.startsWith("rules/facet/") && n.endsWith(".drl")), names::toString);
            assertTrue(names.stream().allMatch(n -> n.equals("ruleset.properties") || n.startsWith("rules/")
                    || n.startsWith("tables/") || n.startsWith("scenarios/")), names::toString);
            assertTrue(names.stream().noneMatch(n -> n.endsWith(".class")), "compiled classes are not exported: " + names);
        }
    }

    @Test
    void refusesToWriteIntoAFolderThatIsNotEmptyUnlessForced() throws IOException {
        Path dir = Cli.export(tmp, "my-rules");
        Cli.Run again = Cli.run("rules", "export", dir.toString());
        assertEquals(ExitCodes.USAGE, again.exit(), again::toString);
        Cli.Run forced = Cli.run("rules", "export", "--force", dir.toString());
        assertEquals(ExitCodes.OK, forced.exit(), forced::toString);
    }

    /** The shaded jar's rules/ folder holds the executable model's classes next to the DRL. */
    @Test
    void exportsFromAZipFilesystemLeavingCompiledClassesOut() throws IOException {
        Path zip = tmp.resolve("ruleset.jar");
        try (FileSystem fs = FileSystems.newFileSystem(URI.create("jar:" + zip.toUri()), Map.of("create", "true"))) {
            Path root = fs.getPath("/");
            Files.createDirectories(root.resolve("rules/facet/P00"));
            Files.createDirectories(root.resolve("tables/facet"));
            Files.createDirectories(root.resolve("scenarios/facet"));
            Files.createDirectories(root.resolve("META-INF"));
            Files.writeString(root.resolve("rules/facet/units.drl"), "package rules.facet;\n");
            Files.writeString(root.resolve("rules/facet/P00/LambdaPredicate00.class"), "x");
            Files.writeString(root.resolve("tables/facet/code-families.csv"), "code\n");
            Files.writeString(root.resolve("scenarios/facet/one.json"), "{}");
            Files.writeString(root.resolve("META-INF/kmodule.xml"), "<kmodule/>");
            Files.writeString(root.resolve("ruleset.properties"), "version=1\n");
        }
        Path out = tmp.resolve("out");
        try (FileSystem fs = FileSystems.newFileSystem(zip)) {
            List<String> written = RulesetExporter.export(fs.getPath("/"), out);
            assertEquals(List.of("rules/facet/units.drl", "tables/facet/code-families.csv", "scenarios/facet/one.json",
                    "ruleset.properties"), written);
        }
        assertEquals("package rules.facet;\n", Files.readString(out.resolve("rules/facet/units.drl")));
        assertTrue(Files.notExists(out.resolve("META-INF")));
    }
}
