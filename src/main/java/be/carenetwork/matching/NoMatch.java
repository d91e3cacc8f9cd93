package be.carenetwork.matching;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Why nothing matched, and where the person can turn anyway, so they get an answer the first time they ask.
 *
 * @param reason the first step at which every candidate dropped out
 * @param message the same in words
 * @param funnel how many capacities were left after each step, in order
 * @param referralPoints the nearest information and referral points
 * @param formalActors the nearest formal actors offering the category
 */
record NoMatch(Reason reason, String message, Map<String, Long> funnel, List<Place> referralPoints,
               List<Place> formalActors) {

    /** Where to turn: an actor, how far it is, and how to reach it. */
    record Place(String id, String name, String kind, @Nullable String address, @Nullable String phone,
                 @Nullable String openingHours, List<String> languages, long distanceMetres) {
    }

    enum Reason {
        NO_CAPACITY_IN_CATEGORY("Nobody offers this kind of help (or a narrower one) yet."),
        ALL_TOO_FAR("Every capacity of this kind is farther than the need's maximum distance or its own radius."),
        NO_CONSENT("The only capacities in reach belong to residents who have not consented, or to the person themselves."),
        LANGUAGE("No capacity in reach speaks the language the need asks for."),
        NOT_AVAILABLE("No capacity in reach is available at the needed time."),
        ALL_DECLINED("Every capacity in reach was already declined or proposed for this need."),
        ALL_BUSY("Every capacity in reach has as many active matches as it takes on.");

        final String message;

        Reason(String message) {
            this.message = message;
        }
    }
}
