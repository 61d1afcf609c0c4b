package org.claimrules.formats.x12;

import java.util.ArrayList;
import java.util.List;

/** One segment as read: its tag, its position in the file, and its elements' components (first repetition). */
final class Segment {

    final String tag;
    final long position;
    private final List<List<String>> elements = new ArrayList<>();

    Segment(String tag, long position) {
        this.tag = tag;
        this.position = position;
    }

    /** Sets element {@code element} (1-based), component {@code component} (1-based; 0 or less for a simple element). */
    void set(int element, int component, String value) {
        if (element < 1 || element > 99) {
            return;
        }
        while (elements.size() < element) {
            elements.add(new ArrayList<>(1));
        }
        List<String> parts = elements.get(element - 1);
        int c = Math.max(1, component);
        if (c > 99) {
            return;
        }
        while (parts.size() < c) {
            parts.add("");
        }
        parts.set(c - 1, value);
    }

    /** Element {@code n} (its first component for a composite), or "" when absent. */
    String get(int n) {
        return get(n, 1);
    }

    String get(int n, int component) {
        if (n < 1 || n > elements.size()) {
            return "";
        }
        List<String> parts = elements.get(n - 1);
        return component < 1 || component > parts.size() ? "" : parts.get(component - 1);
    }

    /** How many components element {@code n} has (0 when absent). */
    int components(int n) {
        return n < 1 || n > elements.size() ? 0 : elements.get(n - 1).size();
    }

    int size() {
        return elements.size();
    }
}
