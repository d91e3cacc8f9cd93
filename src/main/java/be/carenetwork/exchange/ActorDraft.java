package be.carenetwork.exchange;

import java.util.List;

import be.carenetwork.directory.ActorKind;
import be.carenetwork.directory.Visibility;
import org.jspecify.annotations.Nullable;

/**
 * An actor as a mapping read it from a source record, before it is checked: coordinates still in the source's CRS,
 * contact details and languages as found. {@link ActorChecks} turns it into what is written, or says why not.
 *
 * @param sourceId the record's own id in its source (with {@code source}, the actor's stable id: {@code osm:node/123})
 * @param x longitude, or easting in Lambert 72; null when the record has no position
 * @param y latitude, or northing in Lambert 72
 * @param categories help category codes it offers
 * @param source a short name of the source, such as {@code osm}; the prefix of the actor's id
 * @param attribution the credit the source's licence requires
 */
public record ActorDraft(String source, String sourceId, @Nullable Double x, @Nullable Double y, @Nullable String name,
                         @Nullable String nameFr, @Nullable String nameNl, @Nullable String description, ActorKind kind,
                         @Nullable String address, List<String> languages, @Nullable String openingHours,
                         List<String> targetGroups, String wheelchair, Visibility visibility, @Nullable String phone,
                         @Nullable String email, @Nullable String website, boolean contactPublic, List<String> categories,
                         int radiusMetres, int maxActive, @Nullable String attribution) {

    /** The actor's id: stable across imports of the same source. */
    public String actorId() {
        return source + ":" + sourceId;
    }
}
