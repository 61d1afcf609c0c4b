package org.claimrules.engine.internal;

import org.kie.api.definition.rule.Rule;
import org.kie.api.io.Resource;

/** Where a rule was written, for messages and the catalogue: the DRL path inside the ruleset. */
public final class RuleFiles {

    private RuleFiles() {
    }

    public static String of(Rule rule) {
        if (rule instanceof org.drools.base.definitions.rule.impl.RuleImpl impl) {
            Resource resource = impl.getResource();
            if (resource != null && resource.getSourcePath() != null) {
                String path = resource.getSourcePath().replace('\\', '/');
                int at = path.indexOf("rules/");
                return at >= 0 ? path.substring(at) : path;
            }
        }
        return rule.getPackageName().replace('.', '/') + "/?";
    }
}
