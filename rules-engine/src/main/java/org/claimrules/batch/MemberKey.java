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

    /** The member and the claim ID of a record, both null when it is not a readable object. */
    record Keys(String member, String claimId) {
        static final Keys NONE = new Keys(null, null);
    }

    static String of(String text) {
        return scan(text).member();
    }

    /** One streaming pass for both keys: the claim ID is what duplicate detection looks at. */
    static Keys scan(String text) {
        try (JsonParser p = Json.mapper().getFactory().createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return Keys.NONE;
            }
            String member = null;
            String claimId = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if ("patient".equals(name)) {
                    member = value == JsonToken.START_OBJECT ? memberId(p) : null;
                } else if ("claimId".equals(name)) {
                    claimId = value == JsonToken.VALUE_STRING ? p.getText() : null;
                } else {
                    p.skipChildren();
                }
            }
            // Past the object, as when the claim is bound: a record with trailing content is an error record.
            return p.nextToken() == null ? new Keys(member, claimId) : Keys.NONE;
        } catch (IOException | RuntimeException e) {
            return Keys.NONE;
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
