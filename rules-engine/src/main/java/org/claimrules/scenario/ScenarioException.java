package org.claimrules.scenario;

/** A scenario file that cannot be read, named with what is wrong. */
public class ScenarioException extends Exception {

    public ScenarioException(String message) {
        super(message);
    }
}
