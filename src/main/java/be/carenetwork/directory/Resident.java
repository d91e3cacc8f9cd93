package be.carenetwork.directory;

import java.time.LocalDate;
import java.util.List;

import be.carenetwork.system.GeoPoint;
import org.jspecify.annotations.Nullable;

/**
 * A person living in a neighbourhood, with needs and/or capacities. Personal data: minimal, consented, shown
 * to coordinators only. Everyone else sees {@link ResidentView}.
 *
 * @param pseudonym stable, meaningless name used wherever the resident appears outside the coordinator's view
 * @param location exact home location, for matching by proximity
 * @param blurredLocation the location snapped to a 250 m grid, for every other view
 * @param consentDate when the resident agreed to be registered and matched; no match is proposed without it
 */
public record Resident(String id, String pseudonym, String displayName, @Nullable String phone, @Nullable String email,
                       @Nullable Integer birthYear, List<String> languages, GeoPoint location, GeoPoint blurredLocation,
                       @Nullable LocalDate consentDate, @Nullable String neighbourhood, boolean demo) {

    public ResidentView view() {
        return new ResidentView(pseudonym, blurredLocation, neighbourhood, languages);
    }
}
