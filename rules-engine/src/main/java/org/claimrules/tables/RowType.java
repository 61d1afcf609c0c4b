package org.claimrules.tables;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How table rows bind to a type: a Java record (by its canonical constructor) or a bean, which is
 * what a DRL {@code declare} compiles to (a no-argument constructor and a setter per field, the
 * inherited validity dates included). Columns are the record components or the bean's settable
 * properties, by name. Reading a property back is {@link #get}.
 */
public final class RowType<T> {

    private static final Map<Class<?>, Map<String, Method>> GETTERS = new ConcurrentHashMap<>();

    private final Class<T> type;
    private final Map<String, Type> columns;
    private final Map<String, Method> setters;

    private RowType(Class<T> type, Map<String, Type> columns, Map<String, Method> setters) {
        this.type = type;
        this.columns = columns;
        this.setters = setters;
    }

    public static <T> RowType<T> of(Class<T> type) {
        Map<String, Type> columns = new LinkedHashMap<>();
        Map<String, Method> setters = new LinkedHashMap<>();
        if (type.isRecord()) {
            for (RecordComponent c : type.getRecordComponents()) {
                columns.put(c.getName(), c.getGenericType());
            }
        } else {
            for (Method m : type.getMethods()) {
                if (m.getName().startsWith("set") && m.getName().length() > 3 && m.getParameterCount() == 1
                        && !Modifier.isStatic(m.getModifiers())) {
                    String name = Character.toLowerCase(m.getName().charAt(3)) + m.getName().substring(4);
                    columns.put(name, m.getGenericParameterTypes()[0]);
                    setters.put(name, m);
                }
            }
        }
        return new RowType<>(type, columns, setters);
    }

    public Class<T> type() {
        return type;
    }

    /** Column names and the Java type each cell converts to. */
    public Map<String, Type> columns() {
        return columns;
    }

    /** A row from its converted cells, by column name; every column must be present. */
    public T create(Map<String, Object> cells) throws ReflectiveOperationException {
        if (type.isRecord()) {
            RecordComponent[] components = type.getRecordComponents();
            Object[] args = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                args[i] = cells.get(components[i].getName());
                types[i] = components[i].getType();
            }
            Constructor<T> constructor = type.getDeclaredConstructor(types);
            return constructor.newInstance(args);
        }
        T row = type.getConstructor().newInstance();
        for (Map.Entry<String, Method> setter : setters.entrySet()) {
            Object value = cells.get(setter.getKey());
            if (value != null || !setter.getValue().getParameterTypes()[0].isPrimitive()) {
                setter.getValue().invoke(row, value);
            }
        }
        return row;
    }

    /** A property of any row, fact or record by name (getter, is-getter or accessor); null if none. */
    public static Object get(Object row, String property) {
        Method m = GETTERS.computeIfAbsent(row.getClass(), c -> new ConcurrentHashMap<>())
                .computeIfAbsent(property, p -> find(row.getClass(), p));
        if (m == null) {
            throw new IllegalArgumentException(row.getClass().getSimpleName() + " has no property " + property);
        }
        try {
            return m.invoke(row);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + property + " of " + row.getClass().getSimpleName(), e);
        }
    }

    /** The readable properties of a fact, for describing it (name to value, in a stable order). */
    public static Map<String, Object> properties(Object fact) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (fact.getClass().isRecord()) {
            for (RecordComponent c : fact.getClass().getRecordComponents()) {
                out.put(c.getName(), get(fact, c.getName()));
            }
            return out;
        }
        List<String> names = new ArrayList<>(of(fact.getClass()).columns().keySet());
        names.sort(null);
        for (String name : names) {
            if (find(fact.getClass(), name) != null) {
                out.put(name, get(fact, name));
            }
        }
        return out;
    }

    private static Method find(Class<?> type, String name) {
        String capital = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        for (String candidate : new String[] {"get" + capital, "is" + capital, name}) {
            try {
                return type.getMethod(candidate);
            } catch (NoSuchMethodException e) {
                // try the next form
            }
        }
        return null;
    }
}
