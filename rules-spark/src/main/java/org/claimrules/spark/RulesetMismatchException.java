package org.claimrules.spark;

/** An executor loaded another ruleset version than the one the driver pinned for the job. */
final class RulesetMismatchException extends IllegalStateException {

    RulesetMismatchException(String pinned, String loaded, String location) {
        super("the job is pinned to ruleset " + pinned + " but this executor loaded " + loaded + " from "
                + location + "; every executor must see the same ruleset");
    }
}
