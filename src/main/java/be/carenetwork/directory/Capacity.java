package be.carenetwork.directory;

import org.jspecify.annotations.Nullable;

/**
 * An actor or resident OFFERS a help category, within a radius of where they are, at some times.
 *
 * @param ownerKind Actor or Resident
 * @param availability when, in OpenStreetMap {@code opening_hours} syntax; null means "ask"
 * @param maxActive how many active matches the owner takes on at once for this capacity
 */
public record Capacity(String id, String ownerId, String ownerKind, String category, int radiusMetres,
                       @Nullable String availability, int maxActive, @Nullable String note) {
}
