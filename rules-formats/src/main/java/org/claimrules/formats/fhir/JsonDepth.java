package org.claimrules.formats.fhir;

/**
 * Follows the nesting of JSON text line by line, outside strings, to tell where a value that
 * spans several lines ends, without parsing it.
 */
final class JsonDepth {

    private int depth;
    private boolean inString;
    private boolean escaped;
    private boolean started;

    void scan(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (escaped) {
                    escaped = false;
                } else if (c == '\\') {
                    escaped = true;
                } else if (c == '"') {
                    inString = false;
                }
                continue;
            }
            switch (c) {
                case '"' -> { inString = true; started = true; }
                case '{', '[' -> { depth++; started = true; }
                case '}', ']' -> depth--;
                default -> started |= !Character.isWhitespace(c);
            }
        }
        // A line break inside a string is not JSON; it ends the string so one bad line cannot swallow the rest.
        inString = false;
        escaped = false;
    }

    /** True while a value has started and not ended (negative depth counts as ended: it is broken). */
    boolean inValue() {
        return started && depth > 0;
    }

    void reset() {
        depth = 0;
        inString = false;
        escaped = false;
        started = false;
    }

    static boolean balanced(String line) {
        JsonDepth d = new JsonDepth();
        d.scan(line);
        return d.started && d.depth == 0;
    }
}
