package org.claimrules.formats.x12;

import org.claimrules.model.result.ErrorCode;

/**
 * Why a claim of an 837P cannot be scored: the error code, the segment and element at fault
 * ({@code SV104}, {@code CLM05-1}, or the segment ID alone), the segment's position in the file,
 * and a message that never repeats member data or diagnosis codes.
 */
record X12Problem(ErrorCode code, String field, long position, String message) {

    static X12Problem at(Segment segment, String element, ErrorCode code, String message) {
        String field = element == null ? segment.tag : segment.tag + element;
        return new X12Problem(code, field, segment.position,
                segment.tag + " (segment " + segment.position + "): " + message);
    }
}
