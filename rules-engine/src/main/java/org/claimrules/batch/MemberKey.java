package org.claimrules.batch;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import org.claimrules.io.Json;

/**
 * The member a record belongs to, read with the streaming parser and without binding the claim:
 * {@code patient.memberId} when it is a string, else null. Where a field repeats, the last one
 * wins, as when the claim is bound, so a record is always grouped with the member it is scored as.
 */
final class MemberKey {

    private MemberKey() {
    }

    static String of(String text) {
        try (JsonParser p = Json.mapper().getFactory().createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            String member = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if ("patient".equals(name)) {
                    member = value == JsonToken.START_OBJECT ? memberId(p) : null;
                } else {
                    p.skipChildren();
                }
            }
            return member;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String memberId(JsonParser p) throws IOException {
        String member = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if ("memberId".equals(name)) {
                member = value == JsonToken.VALUE_STRING ? p.getText() : null;
            } else {
                p.skipChildren();
            }
        }
        return member;
    }
}
