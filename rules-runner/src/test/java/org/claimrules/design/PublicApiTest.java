package org.claimrules.design;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.claimrules.engine.ClaimEngine;
import org.junit.jupiter.api.Test;
import org.kie.api.KieBase;

/**
 * Guard of the library's API: what an embedder sees of rules-engine (every public class outside an
 * {@code internal} package) names no Drools type, so Drools can change or go without breaking an
 * embedder; and no other module's main code reaches into the engine's internal packages. Tests and
 * rules-bench (which measures internals) may.
 */
class PublicApiTest {

    static final Pattern DROOLS = Pattern.compile("\\borg\\.(kie|drools)\\.");
    static final Pattern INTERNAL = Pattern.compile("\\borg\\.claimrules\\.[\\w.]*\\binternal\\b");
    static final List<String> EMBEDDERS = List.of("rules-runner", "rules-service", "rules-formats", "rules-spark",
            "rules-history");

    @Test
    void noPublicSignatureOfTheEngineNamesDrools() throws Exception {
        List<String> classes = engineClasses();
        assertTrue(classes.size() > 40, "the guard reads the engine's classes (found " + classes.size() + ")");
        assertTrue(classes.contains("org.claimrules.engine.ClaimEngine"), "the guard reads the API package");
        List<String> found = new ArrayList<>();
        int checked = 0;
        for (String name : classes) {
            if (name.matches(".*\\.internal(\\..*)?\\.[^.]+")) {
                continue;
            }
            Class<?> c = Class.forName(name, false, ClaimEngine.class.getClassLoader());
            if (visible(c)) {
                checked++;
                found.addAll(droolsIn(c));
            }
        }
        assertTrue(checked > 30, "public classes checked: " + checked);
        assertEquals(List.of(), found, "public API naming Drools types (move the class to an internal package "
                + "or hide the member)");
    }

    @Test
    void theGuardSeesWhatItMustRefuse() {
        List<String> found = droolsIn(Leaky.class);
        assertEquals(4, found.size(), found.toString());
        assertEquals(List.of(), droolsIn(Clean.class));
    }

    @Test
    void noOtherModuleImportsTheEngineInternals() throws IOException {
        MainSources.Found found = MainSources.scan(EMBEDDERS, INTERNAL, file -> false);
        assertTrue(found.files() > 50, "the guard reads the modules' Java (found " + found.files() + " files)");
        assertEquals(List.of(), found.matches(), "main code of another module using an internal package of the engine");
        assertTrue(INTERNAL.matcher("import org.claimrules.engine.internal.DrlIndex;").find());
        assertFalse(INTERNAL.matcher("import org.claimrules.engine.ClaimEngine;").find());
    }

    /** Public and protected signatures and supertypes of a class that mention Drools. */
    static List<String> droolsIn(Class<?> c) {
        List<String> found = new ArrayList<>();
        check(found, c.getName() + " extends", c.getGenericSuperclass());
        for (Type t : c.getGenericInterfaces()) {
            check(found, c.getName() + " implements", t);
        }
        for (TypeVariable<?> v : c.getTypeParameters()) {
            for (Type bound : v.getBounds()) {
                check(found, c.getName() + "<" + v.getName() + ">", bound);
            }
        }
        for (Field f : c.getDeclaredFields()) {
            if (exposed(f)) {
                check(found, c.getName() + "." + f.getName(), f.getGenericType());
            }
        }
        for (Constructor<?> k : c.getDeclaredConstructors()) {
            if (exposed(k)) {
                checkExecutable(found, c.getName() + ".<init>", k);
            }
        }
        for (Method m : c.getDeclaredMethods()) {
            if (exposed(m) && !m.isBridge()) {
                check(found, c.getName() + "." + m.getName() + " returns", m.getGenericReturnType());
                checkExecutable(found, c.getName() + "." + m.getName(), m);
            }
        }
        return found;
    }

    private static void checkExecutable(List<String> found, String where, Executable e) {
        for (Type t : e.getGenericParameterTypes()) {
            check(found, where + " parameter", t);
        }
        for (Type t : e.getGenericExceptionTypes()) {
            check(found, where + " throws", t);
        }
        for (TypeVariable<?> v : e.getTypeParameters()) {
            for (Type bound : v.getBounds()) {
                check(found, where + "<" + v.getName() + ">", bound);
            }
        }
    }

    private static void check(List<String> found, String where, Type type) {
        if (type != null && DROOLS.matcher(type.getTypeName()).find()) {
            found.add(where + ": " + type.getTypeName());
        }
    }

    private static boolean exposed(Member m) {
        int mod = m.getModifiers();
        return !m.isSynthetic() && (Modifier.isPublic(mod) || Modifier.isProtected(mod));
    }

    /** A public class, or a public or protected nested class of one. */
    private static boolean visible(Class<?> c) {
        for (Class<?> k = c; k != null; k = k.getEnclosingClass()) {
            int mod = k.getModifiers();
            boolean nested = k.getEnclosingClass() != null;
            if (k.isAnonymousClass() || k.isLocalClass() || k.isSynthetic()
                    || !(Modifier.isPublic(mod) || nested && Modifier.isProtected(mod))) {
                return false;
            }
        }
        return true;
    }

    /** The classes of rules-engine, from its classes folder or its jar. */
    private static List<String> engineClasses() throws IOException, URISyntaxException {
        Path location = Path.of(ClaimEngine.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> names = new ArrayList<>();
        if (Files.isDirectory(location)) {
            try (Stream<Path> files = Files.walk(location)) {
                files.filter(f -> f.toString().endsWith(".class"))
                        .forEach(f -> names.add(className(location.relativize(f).toString())));
            }
        } else {
            try (JarFile jar = new JarFile(location.toFile())) {
                jar.stream().filter(e -> e.getName().endsWith(".class") && !e.getName().startsWith("META-INF"))
                        .forEach(e -> names.add(className(e.getName())));
            }
        }
        return names.stream().filter(n -> n.startsWith("org.claimrules.") && !n.endsWith("module-info")
                && !n.endsWith("package-info")).sorted().toList();
    }

    private static String className(String path) {
        return path.replace('\\', '/').replaceAll("\\.class$", "").replace('/', '.');
    }

    @SuppressWarnings("unused")
    public static class Leaky extends java.util.ArrayList<KieBase> {
        public KieBase base;

        protected Leaky(KieBase base) {
        }

        public java.util.List<KieBase> bases() {
            return List.of();
        }

        KieBase hidden() {
            return null;
        }
    }

    @SuppressWarnings("unused")
    public static class Clean {
        private KieBase base;

        KieBase hidden() {
            return base;
        }

        public String name() {
            return "";
        }
    }
}
