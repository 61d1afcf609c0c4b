package org.claimrules.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What {@code org.claimrules:rules-engine} brings to a system that embeds it: its resolved compile
 * and runtime dependencies, as Maven listed them while building the engine module
 * ({@code rules-engine/target/runtime-dependencies.txt}). The library logs through the SLF4J API
 * only; the embedder chooses the binding, and the command line's libraries stay in rules-runner.
 */
class EngineDependenciesTest {

    private static final Path LIST = Path.of("../rules-engine/target/runtime-dependencies.txt");
    /** {@code group:artifact:type:version:scope}, as maven-dependency-plugin's list goal writes it. */
    private static final Pattern ARTIFACT = Pattern.compile("^\\s+([\\w.-]+):([\\w.-]+):[\\w-]+:[^:\\s]+:(\\w+)");

    /** Command-line and logging-backend artifacts that must never reach an embedder. */
    private static final List<Pattern> BANNED = List.of(
            Pattern.compile("ch\\.qos\\.logback:.*"),
            Pattern.compile("info\\.picocli:.*"),
            Pattern.compile("me\\.tongfei:progressbar"),
            Pattern.compile("org\\.slf4j:slf4j-(simple|nop|jdk14|jdk-platform-logging|reload4j|log4j12)"),
            Pattern.compile("org\\.apache\\.logging\\.log4j:log4j-(core|slf4j2?-impl)"));

    @Test
    void theLibraryBringsNoLoggingBackendAndNoCommandLineLibraries() throws IOException {
        assertTrue(Files.isRegularFile(LIST), LIST + " is written by the rules-engine build (maven-dependency-plugin "
                + "list); build through the reactor, e.g. mvn -pl rules-runner -am verify");
        List<String> artifacts = Files.readAllLines(LIST).stream().map(ARTIFACT::matcher).filter(Matcher::find)
                .peek(m -> assertTrue(m.group(3).equals("compile") || m.group(3).equals("runtime"), m.group()))
                .map(m -> m.group(1) + ":" + m.group(2)).toList();
        // The list is real: the engine's own direct dependencies are in it.
        assertTrue(artifacts.contains("org.slf4j:slf4j-api"), () -> "not a dependency list: " + artifacts);
        assertTrue(artifacts.contains("org.drools:drools-engine"), () -> "not a dependency list: " + artifacts);
        List<String> banned = artifacts.stream().filter(a -> BANNED.stream().anyMatch(b -> b.matcher(a).matches())).toList();
        assertEquals(List.of(), banned, "rules-engine must not bring these to an embedder (move them to rules-runner, "
                + "or exclude them where a dependency pulls them in)");
    }
}
