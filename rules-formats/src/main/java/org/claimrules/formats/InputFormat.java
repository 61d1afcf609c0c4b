package org.claimrules.formats;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** The claim formats {@code score} reads; {@link #detect} tells them apart by their first bytes. */
public enum InputFormat {
    JSON, X12, FHIR;

    private static final int PEEK = 8192;

    /**
     * X12 when the content starts with an {@code ISA} segment; FHIR when its first JSON object
     * names a {@code resourceType}; JSON Lines otherwise. {@code in} is left where it was.
     */
    public static InputFormat detect(BufferedInputStream in) throws IOException {
        in.mark(PEEK);
        byte[] head = new byte[PEEK];
        int n = 0;
        // Read only as far as the decision needs, so that a pipe is not waited on for 8 KB.
        while (n < PEEK && !decided(head, n)) {
            int r = in.read(head, n, PEEK - n);
            if (r < 0) {
                break;
            }
            n += r;
        }
        in.reset();
        String text = new String(head, 0, n, StandardCharsets.UTF_8);
        int i = 0;
        while (i < text.length() && (Character.isWhitespace(text.charAt(i)) || text.charAt(i) == '\uFEFF')) {
            i++;
        }
        if (text.startsWith("ISA", i)) {
            return X12;
        }
        if (text.startsWith("{", i) && firstObject(text, i).contains("\"resourceType\"")) {
            return FHIR;
        }
        return JSON;
    }

    /** Enough has been read: three characters past white space that are not '{', or a first line that is not a lone '{'. */
    private static boolean decided(byte[] b, int n) {
        int i = 0;
        while (i < n && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n' || (b[i] & 0xff) >= 0xEF && i < 3)) {
            i++;
        }
        if (n - i < 3) {
            return false;
        }
        if (b[i] != '{') {
            return true;
        }
        for (int j = i; j < n; j++) {
            if (b[j] == '"' && j + 14 <= n && new String(b, j, 14, StandardCharsets.UTF_8).equals("\"resourceType\"")) {
                return true;
            }
        }
        return false;
    }

    /** The first record's text as far as it was peeked: its first line, or the whole peek for a pretty-printed one. */
    private static String firstObject(String text, int from) {
        int nl = text.indexOf('\n', from);
        String line = nl < 0 ? text.substring(from) : text.substring(from, nl);
        return line.trim().equals("{") ? text.substring(from) : line;
    }
}
