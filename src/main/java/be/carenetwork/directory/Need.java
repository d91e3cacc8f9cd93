package be.carenetwork.directory;

import java.time.OffsetDateTime;

import be.carenetwork.system.GeoPoint;
import org.jspecify.annotations.Nullable;

/**
 * A request for help in one category: a resident's, or registered by an actor on someone's behalf.
 *
 * @param residentId the resident who needs help; null when registered on behalf of someone not registered
 * @param registeredBy the actor that received or registered the request, if any
 * @param location where the help is needed (the resident's home unless given)
 * @param maxDistanceMetres the farthest a helper may be
 * @param language the language the person needs help in, if it matters
 * @param neededAt when, in OpenStreetMap {@code opening_hours} syntax (such as {@code Tu 14:00-16:00}); null: any time
 */
public record Need(String id, @Nullable String residentId, @Nullable String registeredBy, String category,
                   @Nullable String description, NeedStatus status, GeoPoint location, int maxDistanceMetres,
                   @Nullable String language, @Nullable String neededAt, OffsetDateTime createdAt,
                   @Nullable String neighbourhood, boolean demo) {
}
