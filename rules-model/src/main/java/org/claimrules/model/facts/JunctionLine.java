package org.claimrules.model.facts;

import org.claimrules.model.tables.JunctionRule;

/** A line that the thoracolumbar junction rule moves into the rule's region. */
public record JunctionLine(Line line, JunctionRule rule) {
}
