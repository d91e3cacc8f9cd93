package be.carenetwork.exchange;

import java.util.List;

import be.carenetwork.directory.ActorInput;
import org.jspecify.annotations.Nullable;

/**
 * A checked actor, ready to be written by {@link ImportedActors}.
 *
 * @param id the stable id ({@code <source>:<source id>})
 * @param openSlots the week slots of the opening hours, or null when unknown or not understood
 * @param categories the help categories it offers: one capacity each, with the id {@code <actor id>#<category>}
 * @param neighbourhood the code of the neighbourhood containing it, or null when outside every neighbourhood
 */
public record ImportedActor(String id, ActorInput input, @Nullable List<Integer> openSlots, List<String> categories,
                            int radiusMetres, int maxActive, @Nullable String source, @Nullable String attribution,
                            @Nullable String nameFr, @Nullable String nameNl, @Nullable String neighbourhood) {
}
