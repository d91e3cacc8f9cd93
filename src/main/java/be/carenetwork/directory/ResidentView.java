package be.carenetwork.directory;

import java.util.List;

import be.carenetwork.system.GeoPoint;
import org.jspecify.annotations.Nullable;

/** A resident as anyone but a coordinator may see them: a pseudonym and a location blurred to 250 m. */
public record ResidentView(String pseudonym, GeoPoint blurredLocation, @Nullable String neighbourhood,
                           List<String> languages) {
}
