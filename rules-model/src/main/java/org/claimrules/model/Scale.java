package org.claimrules.model;

public record Scale(String name, Integer baseline) {
}
