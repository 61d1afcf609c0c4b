package org.claimrules.engine.internal;

import org.claimrules.engine.RulesetProblem;
import org.kie.api.builder.Message;

/** Turns a Drools build message into a problem an analyst can act on. */
final class DrlMessages {

    private DrlMessages() {
    }

    static RulesetProblem toProblem(Message m) {
        String path = m.getPath();
        if (path != null) {
            path = path.replace('\\', '/');
            int at = path.indexOf("rules/");
            path = at >= 0 ? path.substring(at) : path;
        }
        String text = m.getText() == null ? "" : m.getText().strip();
        return new RulesetProblem(path, m.getLine() > 0 ? (long) m.getLine() : null,
                m.getColumn() > 0 ? (long) m.getColumn() : null, text);
    }
}
