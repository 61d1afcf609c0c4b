package org.claimrules.engine;

import org.claimrules.model.result.Severity;

/**
 * An edit of the active ruleset, as its rule's metadata declares it. {@code lcd}: the profile's
 * LCD remark code (N115 on Medicare) is added. {@code groupCodeWithGA}: the group code used when
 * the line carries GA (a waiver of liability is on file). {@code message}: the template of the
 * edit's message ({@code @message}), filled from the facts the rule bound.
 */
public record EditDefinition(
        String editId,
        String title,
        Severity severity,
        String category,
        String groupCode,
        String carc,
        String rarc,
        boolean lcd,
        String groupCodeWithGA,
        String reference,
        String message,
        String ruleName,
        String ruleFile) {
}
