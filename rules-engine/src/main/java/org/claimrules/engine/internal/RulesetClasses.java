package org.claimrules.engine.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.compiler.kie.builder.impl.KieContainerImpl;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.runtime.KieContainer;
import org.objectweb.asm.ClassReader;

/**
 * The class files of a compiled ruleset (internal names to bytes), for {@link RuleSandbox}: the
 * classes in the ruleset's packages and their sub-packages, where the executable model puts rule
 * methods, lambdas, functions and declared types.
 */
public final class RulesetClasses {

    private static final int CONSTANT_CLASS = 7;

    private RulesetClasses() {
    }

    /** Every class file of the ruleset's packages in the module a folder ruleset was compiled into. */
    public static Map<String, byte[]> ofModule(KieContainer container, KieBase kieBase, String kieBaseName) {
        InternalKieModule files = (InternalKieModule) ((KieContainerImpl) container).getKieModuleForKBase(kieBaseName);
        Set<String> packages = packages(kieBase);
        Map<String, byte[]> classes = new HashMap<>();
        for (String file : files.getFileNames()) {
            String f = file.replace('\\', '/');
            if (f.endsWith(".class") && inPackages(f, packages)) {
                classes.put(f.substring(0, f.length() - ".class".length()), files.getBytes(file));
            }
        }
        return classes;
    }

    /**
     * The classes of the ruleset's packages that its models (the executable model's entry
     * classes, one per package) reach through their constant pools, read from {@code loader}: every class whose
     * code can run when the rules do, without listing the archive that holds them.
     */
    public static Map<String, byte[]> reachable(ClassLoader loader, Collection<String> modelClasses) {
        // one model per package of the ruleset (the KieBase also lists the packages of imported types)
        Set<String> packages = new HashSet<>();
        for (String model : modelClasses) {
            packages.add(model.substring(0, model.lastIndexOf('.') + 1).replace('.', '/'));
        }
        Map<String, byte[]> classes = new HashMap<>();
        Deque<String> pending = new ArrayDeque<>();
        for (String model : modelClasses) {
            pending.add(model.replace('.', '/'));
        }
        Set<String> seen = new HashSet<>(pending);
        while (!pending.isEmpty()) {
            String name = pending.poll();
            byte[] bytes = read(loader, name);
            if (bytes == null) {
                continue;
            }
            classes.put(name, bytes);
            for (String used : classConstants(bytes)) {
                if (inPackages(used, packages) && seen.add(used)) {
                    pending.add(used);
                }
            }
        }
        return classes;
    }

    private static Set<String> packages(KieBase kieBase) {
        Set<String> packages = new HashSet<>();
        for (KiePackage p : kieBase.getKiePackages()) {
            packages.add(p.getName().replace('.', '/') + "/");
        }
        return packages;
    }

    private static boolean inPackages(String internalName, Set<String> packages) {
        for (String p : packages) {
            if (internalName.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    private static byte[] read(ClassLoader loader, String internalName) {
        try (InputStream in = loader.getResourceAsStream(internalName + ".class")) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            return null;
        }
    }

    /** The classes a class file names in its constant pool (array types by their element class). */
    private static Set<String> classConstants(byte[] bytes) {
        ClassReader reader = new ClassReader(bytes);
        char[] buffer = new char[reader.getMaxStringLength()];
        Set<String> names = new HashSet<>();
        for (int i = 1; i < reader.getItemCount(); i++) {
            int offset = reader.getItem(i);
            if (offset > 0 && reader.readByte(offset - 1) == CONSTANT_CLASS) {
                String name = reader.readUTF8(offset, buffer);
                int element = name.lastIndexOf('[');
                if (element >= 0) {
                    name = name.endsWith(";") ? name.substring(element + 2, name.length() - 1) : "";
                }
                names.add(name);
            }
        }
        return names;
    }
}
