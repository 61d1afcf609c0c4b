package org.claimrules.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.claimrules.engine.internal.DrlErrors;
import org.claimrules.engine.internal.DrlIndex;
import org.claimrules.engine.internal.MessageChecks;
import org.claimrules.engine.internal.RetiredEdits;
import org.claimrules.engine.internal.RuleSandbox;
import org.claimrules.engine.internal.RulesetClasses;
import org.claimrules.engine.internal.ScopedBases;
import org.claimrules.tables.ProfileCoverage;
import org.claimrules.tables.Tables;
import org.claimrules.tables.TableProblem;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.model.Model;
import org.drools.model.codegen.ExecutableModelProject;
import org.drools.modelcompiler.CanonicalKieModule;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.builder.model.KieModuleModel;
import org.kie.api.runtime.KieContainer;
import org.kie.api.runtime.KieSessionsPool;

/**
 * Loads a ruleset: the bundled one (the kjar on the classpath, compiled at build time with the
 * executable model) or a folder laid out like the kjar's resources ({@code rules/}, {@code tables/},
 * {@code scenarios/}), compiled at run time. A ruleset with any problem is refused as a whole.
 */
public final class RulesetLoader {

    static final String KBASE = "claimrules";
    static final String KSESSION = "claim";
    private static final String MARKER = "ruleset.properties";
    /**
     * How every ruleset's KieBase is built (docs/benchmarks.md, issue 16). A claim's session holds
     * a few dozen facts and is reset for the next claim:
     * <ul>
     * <li>beta memories kept as plain lists, left and right, cost less to fill and to reset than
     * hash indexes (Drools allocates a new table for every indexed memory at every reset, used or
     * not), and a claim has too few facts of a type for an index to pay; a claim of 999 lines costs
     * about 0.2 s more (about 0.45 s in all), since no join of the rules makes a cross product of
     * its lines;</li>
     * <li>an immutable KieBase (nothing adds or removes rules after it is built: a new ruleset is a
     * new KieBase) lets Drools drop a fact that no pattern matches from the session's store as soon
     * as it is inserted, so the engine collects what the rules conclude as they insert it
     * ({@code Conclusions}) rather than from the store.</li>
     * </ul>
     */
    private static final Map<String, String> KIEBASE_PROPERTIES = Map.of(
            "drools.indexLeftBetaMemory", "false",
            "drools.indexRightBetaMemory", "false",
            "drools.kieBaseMutability", "DISABLED");
    /** Where the executable model lists the bundled kjar's model classes. */
    private static final String BUNDLED_MODELS = "META-INF/kie/org.claimrules/rules-kjar/drools-model";
    private static final int DEFAULT_LOOKBACK_MONTHS = 12;
    private static final Pattern RULE_NAME = Pattern.compile("^rule \"([^\"]+)\"");

    private RulesetLoader() {
    }

    public static Ruleset bundled() throws RulesetException {
        ClassLoader loader = RulesetLoader.class.getClassLoader();
        Path root = bundledRoot();
        List<String> models = bundledModels(loader);
        if (models.isEmpty()) {
            // a kjar built otherwise: let Drools find it on the class path
            KieContainer container = KieServices.get().getKieClasspathContainer(loader);
            KieBase kieBase = container.newKieBase(KBASE, configuration(loader));
            return assemble(kieBase, () -> RulesetClasses.ofModule(container, kieBase, KBASE), null,
                    loader, root, bundledVersion(), new ArrayList<>(), null);
        }
        // The kjar's compiled models, built into a KieBase directly: Drools' class path container
        // would read every entry of the archive that holds the kjar (the whole application jar).
        List<Model> instances = instances(models, loader);
        KieBase kieBase = KieBaseBuilder.createKieBaseFromModel(instances, configuration(loader));
        return assemble(kieBase, () -> RulesetClasses.reachable(loader, models), instances,
                loader, root, bundledVersion(), new ArrayList<>(), null);
    }

    /** The model classes the executable model listed for the bundled kjar; none when it is not there. */
    static List<String> bundledModels(ClassLoader loader) {
        try (InputStream in = loader.getResourceAsStream(BUNDLED_MODELS)) {
            if (in == null) {
                return List.of();
            }
            return modelNames(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The model classes of an executable model's listing (its header lines, {@code Name:value}, left out). */
    private static List<String> modelNames(byte[] listing) {
        return new String(listing, java.nio.charset.StandardCharsets.UTF_8).lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.contains(":")).toList();
    }

    private static List<Model> instances(List<String> models, ClassLoader loader) throws RulesetException {
        List<Model> instances = new ArrayList<>();
        for (String name : models) {
            try {
                instances.add((Model) Class.forName(name, true, loader).getDeclaredConstructor().newInstance());
            } catch (ReflectiveOperationException | ClassCastException | LinkageError e) {
                throw new RulesetException("the bundled ruleset cannot be loaded", List.of(new RulesetProblem(
                        BUNDLED_MODELS, null, null, "model class " + name + " cannot be created: " + e)));
            }
        }
        return instances;
    }

    private static KieBaseConfiguration configuration(ClassLoader loader) {
        KieBaseConfiguration configuration = KieServices.get().newKieBaseConfiguration(null, loader);
        KIEBASE_PROPERTIES.forEach(configuration::setProperty);
        return configuration;
    }

    private static int poolSize() {
        return 2 * Runtime.getRuntime().availableProcessors() + 2;
    }

    public static Ruleset fromDirectory(Path dir) throws RulesetException {
        List<RulesetProblem> problems = new ArrayList<>();
        if (!Files.isDirectory(dir.resolve("rules"))) {
            problems.add(new RulesetProblem(dir.toString(), null, null,
                    "not a ruleset folder: it has no rules/ folder (export one with 'claimrules rules export DIR')"));
            throw new RulesetException("ruleset " + dir + " cannot be loaded", problems);
        }
        KieServices ks = KieServices.get();
        ReleaseId releaseId = ks.newReleaseId("org.claimrules.adhoc", "ruleset", "1.0.0-" + System.nanoTime());
        KieBuilder builder = build(dir, releaseId, Map.of());
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty()) {
            problems.addAll(DrlErrors.all(dir, errors, rulesLeftOut -> build(dir,
                    ks.newReleaseId("org.claimrules.adhoc", "check", "1.0.0-" + System.nanoTime()), rulesLeftOut)
                    .getResults().getMessages(Message.Level.ERROR)));
            // report the tables' problems too, so that one run shows everything to fix: their row
            // types are the rules' declarations, compiled here on their own
            ClassLoader types = declarationsOnly(dir);
            if (types != null) {
                try {
                    problems.addAll(tableProblems(Tables.load(dir, types)));
                } catch (IOException e) {
                    problems.add(new RulesetProblem("tables", null, null, "cannot be read: " + e.getMessage()));
                }
            }
            throw new RulesetException("ruleset " + dir + " does not compile", problems);
        }
        KieContainer container = ks.newKieContainer(releaseId);
        InternalKieModule compiled = (InternalKieModule) builder.getKieModule();
        List<Model> models = models(compiled, container.getClassLoader());
        KieBase kieBase = kieBase(container, models);
        return assemble(kieBase, () -> RulesetClasses.ofModule(container, kieBase, KBASE), models,
                container.getClassLoader(), dir, folderVersion(dir), problems, compiled::getBytes);
    }

    /**
     * A folder's ruleset from its rules as {@link #fromDirectory} compiled them ({@code kjar}: the
     * compiled module's bytes) and its other files read from the folder, as a child process that
     * scores an isolated ruleset loads it: no second compilation.
     */
    static Ruleset fromCompiled(Path dir, byte[] kjar) throws RulesetException {
        KieServices ks = KieServices.get();
        org.kie.api.builder.KieModule module = ks.getRepository().addKieModule(ks.getResources().newByteArrayResource(kjar));
        KieContainer container = ks.newKieContainer(module.getReleaseId());
        List<Model> models = models((InternalKieModule) module, container.getClassLoader());
        KieBase kieBase = kieBase(container, models);
        return assemble(kieBase, () -> RulesetClasses.ofModule(container, kieBase, KBASE), models,
                container.getClassLoader(), dir, folderVersion(dir), new ArrayList<>(), () -> kjar);
    }

    /**
     * A compiled folder's KieBase, built from its models as the bundled one is (with the same
     * configuration: the container's own KieBase would not take it), or by the container when the
     * models cannot be listed.
     */
    private static KieBase kieBase(KieContainer container, List<Model> models) {
        KieBaseConfiguration configuration = configuration(container.getClassLoader());
        return models != null ? KieBaseBuilder.createKieBaseFromModel(models, configuration)
                : container.newKieBase(KBASE, configuration);
    }

    /** The models a compiled folder's module lists, created; null when it lists none or one cannot be created. */
    private static List<Model> models(InternalKieModule module, ClassLoader loader) {
        byte[] listing = module.getBytes(CanonicalKieModule.getModelFileWithGAV(module.getReleaseId()));
        if (listing == null) {
            return null;
        }
        try {
            return instances(modelNames(listing), loader);
        } catch (RulesetException e) {
            return null;
        }
    }

    /** Compiles the folder's rule files, with some files' text replaced ({@code overrides}: path in the folder to text). */
    private static KieBuilder build(Path dir, ReleaseId releaseId, Map<String, String> overrides) {
        KieServices ks = KieServices.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        kfs.generateAndWritePomXML(releaseId);
        KieModuleModel module = ks.newKieModuleModel();
        KIEBASE_PROPERTIES.forEach(module::setConfigurationProperty);
        module.newKieBaseModel(KBASE).setDefault(true)
                .newKieSessionModel(KSESSION).setDefault(true);
        kfs.writeKModuleXML(module.toXML());
        for (Path drl : DrlIndex.ruleFiles(dir)) {
            String relative = dir.relativize(drl).toString().replace('\\', '/');
            String text = overrides.get(relative);
            if (text != null) {
                kfs.write("src/main/resources/" + relative, text);
            } else {
                kfs.write("src/main/resources/" + relative, ks.getResources().newFileSystemResource(drl.toFile()));
            }
        }
        return ks.newKieBuilder(kfs).buildAll(ExecutableModelProject.class);
    }

    private static final Pattern DECLARATION = Pattern.compile("(?ms)^\\s*declare\\b.*?^\\s*end\\b");
    private static final Pattern HEADER_LINE = Pattern.compile("(?m)^\\s*(package|import)\\s[^\\n]*$");

    /**
     * The class loader of the folder's type declarations alone (package, imports and
     * {@code declare} blocks of each file), or null when even they do not compile.
     */
    private static ClassLoader declarationsOnly(Path dir) {
        KieServices ks = KieServices.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        ReleaseId releaseId = ks.newReleaseId("org.claimrules.adhoc", "types", "1.0.0-" + System.nanoTime());
        kfs.generateAndWritePomXML(releaseId);
        KieModuleModel module = ks.newKieModuleModel();
        module.newKieBaseModel(KBASE).setDefault(true).newKieSessionModel(KSESSION).setDefault(true);
        kfs.writeKModuleXML(module.toXML());
        try {
            for (Path drl : DrlIndex.ruleFiles(dir)) {
                String text = Files.readString(drl);
                StringBuilder types = new StringBuilder();
                Matcher header = HEADER_LINE.matcher(text);
                while (header.find()) {
                    types.append(header.group().trim()).append('\n');
                }
                Matcher declaration = DECLARATION.matcher(text);
                boolean any = false;
                while (declaration.find()) {
                    types.append(declaration.group()).append('\n');
                    any = true;
                }
                if (any) {
                    kfs.write("src/main/resources/" + dir.relativize(drl).toString().replace('\\', '/'), types.toString());
                }
            }
            KieBuilder builder = ks.newKieBuilder(kfs).buildAll(ExecutableModelProject.class);
            if (builder.getResults().hasMessages(Message.Level.ERROR)) {
                return null;
            }
            return ks.newKieContainer(releaseId).getClassLoader();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** {@code compiled}: the compiled module's bytes, for a child process to load; null for the bundled ruleset. */
    private static Ruleset assemble(KieBase kieBase, Supplier<Map<String, byte[]>> classFiles, List<Model> models,
            ClassLoader classes, Path root, String version, List<RulesetProblem> problems, Supplier<byte[]> compiled)
            throws RulesetException {
        Tables.Loaded tables;
        try {
            tables = Tables.load(root, classes);
        } catch (IOException e) {
            throw new RulesetException("ruleset tables cannot be read",
                    List.of(new RulesetProblem(root.toString(), null, null, e.toString())));
        }
        problems.addAll(tableProblems(tables));
        EditCatalog.Read catalog = EditCatalog.read(kieBase);
        DrlIndex sources = DrlIndex.of(root); // read once: every check below and the catalogue's locations use it
        problems.addAll(withRuleLines(sources, catalog.problems()));
        problems.addAll(MessageChecks.unboundVariables(catalog.catalog(), sources));
        problems.addAll(withRuleLines(sources, RetiredEdits.check(catalog.catalog(), tables.tables())));
        int lookback = lookbackMonths(root, problems);
        problems.addAll(RuleSandbox.check(classFiles, kieBase, sources));
        if (!problems.isEmpty()) {
            throw new RulesetException("ruleset " + version + " is not valid", problems);
        }
        KieSessionsPool pool = kieBase.newKieSessionsPool(poolSize());
        ScopedBases sessions = models == null ? ScopedBases.whole(pool)
                : ScopedBases.of(tables.tables().scopingRowTypes(), models, pool,
                        some -> KieBaseBuilder.createKieBaseFromModel(some, configuration(classes)), poolSize());
        return new Ruleset(kieBase, sessions, tables.tables(), catalog.catalog(), sources,
                version, root, lookback, warnings(tables.tables(), classes), compiled);
    }

    /** Profiles without rows where every bundled profile has some (the bundled ruleset is compared with itself). */
    private static List<RulesetProblem> warnings(Tables tables, ClassLoader classes) {
        Set<String> bundled;
        if (classes == RulesetLoader.class.getClassLoader()) {
            bundled = tables.profileNames();
        } else {
            try {
                bundled = Tables.load(bundledRoot(), RulesetLoader.class.getClassLoader()).tables().profileNames();
            } catch (IOException | RuntimeException e) {
                bundled = Set.of(); // no bundled ruleset to compare with: no warning
            }
        }
        return ProfileCoverage.missingRows(tables, bundled).stream()
                .map(p -> new RulesetProblem(p.file(), null, null, "warning: " + p.message())).toList();
    }

    /** {@code history.lookbackMonths} of the ruleset's {@code ruleset.properties}; 12 when not set. */
    private static int lookbackMonths(Path root, List<RulesetProblem> problems) {
        Path file = root.resolve(MARKER);
        if (!Files.exists(file)) {
            return DEFAULT_LOOKBACK_MONTHS;
        }
        Properties props = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            props.load(in);
        } catch (IOException e) {
            problems.add(new RulesetProblem(MARKER, null, null, "cannot be read"));
            return DEFAULT_LOOKBACK_MONTHS;
        }
        String value = props.getProperty("history.lookbackMonths");
        try {
            int months = value == null ? DEFAULT_LOOKBACK_MONTHS : Integer.parseInt(value.trim());
            if (months < 1) {
                throw new NumberFormatException();
            }
            return months;
        } catch (NumberFormatException e) {
            problems.add(new RulesetProblem(MARKER, null, null, "history.lookbackMonths must be a whole number of months, not '"
                    + value + "'"));
            return DEFAULT_LOOKBACK_MONTHS;
        }
    }

    private static List<RulesetProblem> tableProblems(Tables.Loaded tables) {
        List<RulesetProblem> problems = new ArrayList<>();
        for (TableProblem p : tables.problems()) {
            problems.add(new RulesetProblem(p.file(), p.line() > 0 ? p.line() : null, null,
                    (p.column() != null ? "column " + p.column() + ": " : "") + p.message()));
        }
        return problems;
    }

    /** Metadata problems name their rule: give them the line the rule starts on. */
    private static List<RulesetProblem> withRuleLines(DrlIndex index, List<RulesetProblem> problems) {
        if (problems.isEmpty()) {
            return problems;
        }
        List<RulesetProblem> out = new ArrayList<>();
        for (RulesetProblem p : problems) {
            Matcher m = RULE_NAME.matcher(p.message());
            DrlIndex.RuleSource rule = p.line() == null && m.find() ? index.rule(m.group(1)).orElse(null) : null;
            out.add(rule == null ? p : new RulesetProblem(rule.file(), (long) rule.firstLine(), null, p.message()));
        }
        return out;
    }

    /** The root of the bundled ruleset's files: a folder in development, the jar's root otherwise. */
    public static synchronized Path bundledRoot() {
        URL marker = RulesetLoader.class.getClassLoader().getResource(MARKER);
        if (marker == null) {
            throw new IllegalStateException(MARKER + " is not on the classpath: the rules-kjar jar is missing");
        }
        try {
            URI uri = marker.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem fs;
                try {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    fs = FileSystems.getFileSystem(uri);
                }
                return fs.getPath("/");
            }
            return Path.of(uri).getParent();
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot open the bundled ruleset at " + marker, e);
        }
    }

    private static String bundledVersion() {
        Properties props = new Properties();
        try (InputStream in = RulesetLoader.class.getClassLoader().getResourceAsStream(MARKER)) {
            props.load(in);
        } catch (IOException | NullPointerException e) {
            return "bundled";
        }
        return props.getProperty("version", "bundled");
    }

    /** A folder's version names it and hashes its rule and table files, so two edits never share one. */
    static String folderVersion(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Path file : files.filter(Files::isRegularFile)
                    .filter(p -> !dir.relativize(p).startsWith("scenarios")).sorted().toList()) {
                digest.update(dir.relativize(file).toString().replace('\\', '/').getBytes());
                digest.update(Files.readAllBytes(file));
            }
            String name = dir.toAbsolutePath().normalize().getFileName() == null ? "ruleset"
                    : dir.toAbsolutePath().normalize().getFileName().toString();
            return name + "+sha256." + HexFormat.of().formatHex(digest.digest()).substring(0, 12);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
