package org.claimrules.rules;

import java.lang.reflect.Method;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An edit's message as its rule's {@code @message} metadata writes it: plain words with
 * placeholders filled from the facts the rule bound. {@code {$f.code}} is the bound variable
 * {@code $f}'s property {@code code} (a getter, an {@code is} getter or a record accessor; dots
 * go deeper); {@code {$n|level|levels}} is the first words when the value is 1 (a number, or a
 * list of one) or present (anything else, not null and not false), else the second.
 * Dates print as 2026-03-02, lists as "a, b", enum constants in lower case.
 */
public final class MessageTemplate {

    private static final Map<Class<?>, Map<String, Method>> ACCESSORS = new ConcurrentHashMap<>();

    private final List<Object> parts;

    private MessageTemplate(List<Object> parts) {
        this.parts = parts;
    }

    /** A placeholder: a bound variable, the property path below it, and optional plural words. */
    private record Slot(String variable, String[] path, String one, String many) {
    }

    public static MessageTemplate parse(String text) {
        List<Object> parts = new ArrayList<>();
        int at = 0;
        while (at < text.length()) {
            int open = text.indexOf('{', at);
            int close = open < 0 ? -1 : text.indexOf('}', open);
            if (open < 0 || close < 0) {
                parts.add(text.substring(at));
                break;
            }
            if (open > at) {
                parts.add(text.substring(at, open));
            }
            parts.add(slot(text.substring(open + 1, close)));
            at = close + 1;
        }
        return new MessageTemplate(List.copyOf(parts));
    }

    private static Slot slot(String spec) {
        String[] words = spec.split("\\|", -1);
        String[] path = words[0].trim().split("\\.");
        return new Slot(path[0], java.util.Arrays.copyOfRange(path, 1, path.length),
                words.length > 1 ? words[1] : null, words.length > 2 ? words[2] : null);
    }

    /** The variables the placeholders name, for checking them against the rule when it is loaded. */
    public List<String> variables() {
        return parts.stream().filter(Slot.class::isInstance).map(p -> ((Slot) p).variable()).distinct().toList();
    }

    public String format(Function<String, Object> bound) {
        StringBuilder out = new StringBuilder();
        for (Object part : parts) {
            if (part instanceof Slot slot) {
                Object value = resolve(bound.apply(slot.variable()), slot.path());
                out.append(slot.one() == null ? text(value) : isOne(value) ? slot.one() : slot.many());
            } else {
                out.append((String) part);
            }
        }
        return out.toString();
    }

    private static boolean isOne(Object value) {
        if (value instanceof Number n) {
            return n.doubleValue() == 1;
        }
        if (value instanceof Collection<?> c) {
            return c.size() == 1;
        }
        return value != null && !Boolean.FALSE.equals(value);
    }

    private static Object resolve(Object value, String[] path) {
        for (String name : path) {
            if (value == null) {
                return null;
            }
            Method accessor = accessor(value.getClass(), name);
            if (accessor == null) {
                return "?" + name;
            }
            try {
                value = accessor.invoke(value);
            } catch (ReflectiveOperationException e) {
                return "?" + name;
            }
        }
        return value;
    }

    private static Method accessor(Class<?> type, String name) {
        return ACCESSORS.computeIfAbsent(type, t -> new ConcurrentHashMap<>()).computeIfAbsent(name, n -> find(type, n));
    }

    private static Method find(Class<?> type, String name) {
        String capital = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        for (String candidate : new String[] {"get" + capital, "is" + capital, name}) {
            Method m = publicMethod(type, candidate);
            if (m != null) {
                return m;
            }
        }
        return null;
    }

    /** The method as a public type declares it (a JDK collection's class may not be public itself). */
    private static Method publicMethod(Class<?> type, String name) {
        if (type == null) {
            return null;
        }
        try {
            Method m = type.getMethod(name);
            if (java.lang.reflect.Modifier.isPublic(m.getDeclaringClass().getModifiers())) {
                return m;
            }
        } catch (NoSuchMethodException e) {
            return null;
        }
        for (Class<?> parent : type.getInterfaces()) {
            Method m = publicMethod(parent, name);
            if (m != null) {
                return m;
            }
        }
        return publicMethod(type.getSuperclass(), name);
    }

    static String text(Object value) {
        if (value == null) {
            return "none";
        }
        if (value instanceof Collection<?> c) {
            return c.stream().map(MessageTemplate::text).collect(Collectors.joining(", "));
        }
        if (value instanceof Enum<?> e) {
            return e.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
        if (value instanceof TemporalAccessor || value instanceof Number || value instanceof String) {
            return value.toString();
        }
        if (value instanceof Boolean b) {
            return b ? "yes" : "no";
        }
        return value.toString();
    }
}
