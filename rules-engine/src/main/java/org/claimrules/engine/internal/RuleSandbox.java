package org.claimrules.engine.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.claimrules.engine.RulesetProblem;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Analysts' rulesets are code: a DRL condition or consequence can call any Java the class path
 * holds ({@code System.exit}, {@code Files.readString}, {@code Runtime.exec}). Before a ruleset is
 * used, this reads the bytecode the executable model compiled from its DRL (every class in the
 * ruleset's packages: rule methods, lambda classes, functions, declared types) and refuses every
 * reference (a class used, a method called, a field read, a class literal, a method reference)
 * outside what rules need:
 *
 * <ul>
 *   <li>the project's model ({@code org.claimrules.model..}) and rule helpers ({@code org.claimrules.rules..});
 *   <li>the ruleset's own classes;
 *   <li>the Drools API the generated code calls ({@code org.drools.model..}, the executable model's runtime);
 *   <li>{@code java.lang} basics: String, StringBuilder, CharSequence, Math, the boxes and Number,
 *       Object, Enum, Record, Comparable, Iterable, Runnable, exceptions (not errors); never
 *       System, Runtime, Thread, ProcessBuilder, Class and reflection, ClassLoader;
 *   <li>{@code java.time..}, {@code java.math..}, {@code java.util} (collections; not ServiceLoader,
 *       Scanner, Formatter, Properties, ResourceBundle, Timer), {@code java.util.function},
 *       {@code java.util.stream}.
 * </ul>
 *
 * Lambdas and string concatenation compile to invokedynamic: only the JDK's lambda, string
 * concatenation and record bootstraps are accepted, and the method a lambda points to is checked
 * like a call. Each problem names the DRL file and rule (from the rule method that uses the
 * generated class) and the call.
 */
public final class RuleSandbox {

    private static final List<String> PACKAGE_TREES = List.of("org/claimrules/model/", "org/claimrules/rules/",
            "org/drools/model/", "org/drools/modelcompiler/dsl/", "org/drools/modelcompiler/util/EvaluationUtil",
            "org/drools/core/base/accumulators/", "org/drools/base/factmodel/GeneratedFact",
            "org/drools/base/factmodel/AccessibleFact", "java/time/", "java/math/", "java/util/function/",
            "java/util/stream/");
    /**
     * Classes of which only some members are allowed ("" is the class itself): what the executable
     * model's generated code calls to insert facts and pass the rule context, and what javac emits
     * for varargs and switches on enums.
     */
    private static final Map<String, Set<String>> MEMBERS = Map.of(
            "org/drools/modelcompiler/consequence/DroolsImpl", Set.of("", "asKnowledgeHelper"),
            "org/drools/core/rule/consequence/KnowledgeHelper", Set.of("", "insert", "insertLogical", "update", "delete"),
            "org/kie/api/runtime/rule/RuleContext", Set.of("", "getRule"),
            "org/drools/util/DateUtils", Set.of("getDateFormatMask"),
            "java/lang/System", Set.of("arraycopy"),
            "java/lang/NoSuchFieldError", Set.of("", "<init>"),
            "java/lang/IncompatibleClassChangeError", Set.of("", "<init>"));
    private static final Set<String> JAVA_LANG = Set.of("Object", "String", "StringBuilder", "CharSequence", "Math",
            "StrictMath", "Integer", "Long", "Short", "Byte", "Double", "Float", "Boolean", "Character", "Number",
            "Enum", "Record", "Comparable", "Iterable", "Runnable", "AutoCloseable", "Cloneable", "Void", "Throwable");
    private static final Set<String> JAVA_UTIL_REFUSED = Set.of("ServiceLoader", "Scanner", "Formatter", "Properties",
            "ResourceBundle", "PropertyResourceBundle", "ListResourceBundle", "Timer", "TimerTask", "prefs");
    /** Methods of allowed classes that reach outside: system properties, and waiting forever. */
    private static final Set<String> REFUSED_METHODS = Set.of("java/lang/Integer.getInteger", "java/lang/Long.getLong",
            "java/lang/Boolean.getBoolean", "java/lang/Object.wait",
            "java/lang/Throwable.printStackTrace");
    private static final Set<String> BOOTSTRAPS = Set.of("java/lang/invoke/LambdaMetafactory",
            "java/lang/invoke/StringConcatFactory", "java/lang/runtime/ObjectMethods");

    private RuleSandbox() {
    }

    /**
     * Every forbidden reference in the compiled ruleset, located at its rule where it can be
     * traced to one: {@code classFiles} gives the compiled classes, {@code index} the rules' files
     * and lines.
     */
    public static List<RulesetProblem> check(Supplier<Map<String, byte[]>> classFiles, KieBase kieBase, DrlIndex index) {
        Map<String, byte[]> classes;
        try {
            classes = classFiles.get();
        } catch (RuntimeException e) {
            return List.of(new RulesetProblem("rules", null, null,
                    "the compiled rules cannot be inspected (" + e.getClass().getSimpleName() + "), so they are not used"));
        }
        Set<String> ruleNames = new HashSet<>();
        for (KiePackage p : kieBase.getKiePackages()) {
            for (Rule r : p.getRules()) {
                ruleNames.add(r.getName());
            }
        }
        Map<String, Scan> scans = new HashMap<>();
        classes.forEach((name, bytes) -> scans.put(name, Scan.of(bytes, ruleNames)));
        // the ruleset's own types: its declared types may live outside the module's class files
        Set<String> own = new HashSet<>(classes.keySet());
        Set<String> packages = new HashSet<>();
        for (KiePackage p : kieBase.getKiePackages()) {
            packages.add(p.getName().replace('.', '/') + "/");
        }
        Map<String, Set<String>> rulesOfClass = new HashMap<>();
        for (Scan scan : scans.values()) {
            scan.ruleMethods.forEach((method, rule) -> {
                for (String used : scan.usesByMethod.getOrDefault(method, Set.of())) {
                    rulesOfClass.computeIfAbsent(used, k -> new TreeSet<>()).add(rule);
                }
            });
        }
        Set<String> reported = new LinkedHashSet<>();
        List<RulesetProblem> problems = new ArrayList<>();
        for (Map.Entry<String, Scan> e : new java.util.TreeMap<>(scans).entrySet()) {
            Scan scan = e.getValue();
            for (Reference ref : scan.references) {
                if (allowed(ref, own) || ownPackage(ref.owner(), packages)) {
                    continue;
                }
                Set<String> rules = scan.ruleOf(ref.method());
                if (rules.isEmpty()) {
                    rules = rulesOfClass.getOrDefault(e.getKey(), Set.of());
                }
                String rule = rules.isEmpty() ? null : rules.iterator().next();
                if (!reported.add(rule + "|" + ref.what())) {
                    continue;
                }
                problems.add(problem(index, rule, e.getKey(), ref));
            }
        }
        return problems;
    }

    private static RulesetProblem problem(DrlIndex index, String rule, String className, Reference ref) {
        String message = "uses " + ref.what() + ", which rules may not use (README, \"What a rule may call\")";
        if (rule == null) {
            String pkg = className.contains("/") ? className.substring(0, className.lastIndexOf('/')) : "";
            return new RulesetProblem("rules/" + pkg, null, null, "a function or declared type of package "
                    + pkg.replace('/', '.') + " " + message);
        }
        DrlIndex.RuleSource source = index.rule(rule).orElse(null);
        return new RulesetProblem(source == null ? "rules" : source.file(),
                source == null ? null : (long) source.firstLine(), null, "rule \"" + rule + "\": " + message);
    }

    /** A class of one of the ruleset's own packages (a declared type, a function holder), not a sub-package. */
    private static boolean ownPackage(String owner, Set<String> packages) {
        int slash = owner.lastIndexOf('/');
        return slash > 0 && packages.contains(owner.substring(0, slash + 1));
    }

    static boolean allowed(Reference ref, Set<String> own) {
        String c = ref.owner();
        if (own.contains(c) || own.contains(outermost(c))) {
            return ref.member() == null || !REFUSED_METHODS.contains(c + "." + ref.member());
        }
        if (ref.member() != null && REFUSED_METHODS.contains(c + "." + ref.member())) {
            return false;
        }
        Set<String> members = MEMBERS.get(c);
        if (members != null) {
            return members.contains(ref.member() == null ? "" : ref.member());
        }
        for (String tree : PACKAGE_TREES) {
            if (c.startsWith(tree)) {
                return true;
            }
        }
        if (c.startsWith("java/lang/") && c.indexOf('/', "java/lang/".length()) < 0) {
            String simple = outermost(c).substring("java/lang/".length());
            return JAVA_LANG.contains(simple) || simple.endsWith("Exception");
        }
        if (c.startsWith("java/util/") && c.indexOf('/', "java/util/".length()) < 0) {
            return !JAVA_UTIL_REFUSED.contains(outermost(c).substring("java/util/".length()));
        }
        return c.equals("java/io/Serializable");
    }

    private static String outermost(String internalName) {
        int dollar = internalName.indexOf('$', internalName.lastIndexOf('/') + 1);
        return dollar < 0 ? internalName : internalName.substring(0, dollar);
    }

    /** One thing a class uses: {@code member} is a method or field name, null for the class itself. */
    record Reference(String owner, String member, String method) {
        String what() {
            return owner.replace('/', '.') + (member == null ? "" : "." + member);
        }
    }

    /** What one class refers to, by method, and which of its methods build which rule. */
    private static final class Scan extends ClassVisitor {
        final List<Reference> references = new ArrayList<>();
        final Map<String, Set<String>> usesByMethod = new HashMap<>();
        final Map<String, String> ruleMethods = new HashMap<>();
        private final Set<String> ruleNames;

        private Scan(Set<String> ruleNames) {
            super(Opcodes.ASM9);
            this.ruleNames = ruleNames;
        }

        static Scan of(byte[] bytes, Set<String> ruleNames) {
            Scan s = new Scan(ruleNames);
            new ClassReader(bytes).accept(s, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
            return s;
        }

        /** The rules a method belongs to: a rule method, or a lambda body javac named after one. */
        Set<String> ruleOf(String method) {
            if (method == null) {
                return Set.of();
            }
            String m = method.startsWith("lambda$") ? method.substring("lambda$".length()) : method;
            int dollar = m.indexOf('$');
            String rule = ruleMethods.get(dollar < 0 ? m : m.substring(0, dollar));
            return rule == null ? Set.of() : Set.of(rule);
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
            if (superName != null) {
                type(superName, null);
            }
            for (String i : interfaces) {
                type(i, null);
            }
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
            return new MethodVisitor(Opcodes.ASM9) {
                @Override
                public void visitTypeInsn(int opcode, String type) {
                    type(type, name);
                }

                @Override
                public void visitFieldInsn(int opcode, String owner, String field, String desc) {
                    member(owner, field, name);
                }

                @Override
                public void visitMethodInsn(int opcode, String owner, String method, String desc, boolean itf) {
                    member(owner, method, name);
                }

                @Override
                public void visitInvokeDynamicInsn(String n, String desc, Handle bootstrap, Object... args) {
                    if (!BOOTSTRAPS.contains(bootstrap.getOwner())) {
                        member(bootstrap.getOwner(), bootstrap.getName(), name);
                    }
                    for (Object a : args) {
                        constant(a, name);
                    }
                }

                @Override
                public void visitLdcInsn(Object value) {
                    if (name.startsWith("rule_") && value instanceof String s && ruleNames.contains(s)) {
                        ruleMethods.put(name, s);
                    }
                    constant(value, name);
                }

                @Override
                public void visitMultiANewArrayInsn(String desc, int dims) {
                    type(desc, name);
                }

                @Override
                public void visitTryCatchBlock(org.objectweb.asm.Label a, org.objectweb.asm.Label b,
                        org.objectweb.asm.Label c, String type) {
                    if (type != null) {
                        type(type, name);
                    }
                }
            };
        }

        private void constant(Object value, String method) {
            if (value instanceof Type t) {
                if (t.getSort() == Type.METHOD) {
                    return; // a lambda's signature: the types it names are checked where they are used
                }
                type(t.getInternalName(), method);
            } else if (value instanceof Handle h) {
                member(h.getOwner(), h.getName(), method);
            } else if (value instanceof ConstantDynamic d) {
                member(d.getBootstrapMethod().getOwner(), d.getBootstrapMethod().getName(), method);
            }
        }

        private void type(String internalName, String method) {
            String t = internalName;
            while (t.startsWith("[")) {
                t = t.substring(1);
            }
            if (t.length() == 1) {
                return; // a primitive array
            }
            if (t.startsWith("L") && t.endsWith(";")) {
                t = t.substring(1, t.length() - 1);
            }
            add(new Reference(t, null, method));
        }

        private void member(String owner, String member, String method) {
            if (owner.startsWith("[")) {
                type(owner, method); // clone() or length of an array
                return;
            }
            add(new Reference(owner, member, method));
        }

        private void add(Reference r) {
            references.add(r);
            if (r.method() != null) {
                usesByMethod.computeIfAbsent(r.method(), k -> new HashSet<>()).add(r.owner());
            }
        }
    }
}
