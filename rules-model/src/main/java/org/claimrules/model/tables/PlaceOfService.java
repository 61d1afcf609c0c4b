package org.claimrules.model.tables;

/** One row of {@code tables/places-of-service.csv}; facility places take the facility fee. */
public record PlaceOfService(String code, String name, boolean facility) {
}
