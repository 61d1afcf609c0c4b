package org.claimrules.engine;

import org.claimrules.model.result.ErrorCode;

/** A claim that cannot be scored as sent: names the error code and the field at fault. */
public class InvalidClaimException extends RuntimeException {

    private final String code;
    private final String field;

    public InvalidClaimException(String code, String field, String message) {
        super(message);
        this.code = code;
        this.field = field;
    }

    public InvalidClaimException(ErrorCode code, String field, String message) {
        this(code.name(), field, message);
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }
}
