package be.carenetwork.matching;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A capacity that can answer a need, with why: what the coordinator sees before validating.
 *
 * @param ownerKind Actor or Resident
 * @param name the actor's name, or the resident helper's pseudonym
 * @param displayName a resident helper's name, only for coordinators of the helper's neighbourhood
 * @param distanceMetres from the helper to where the help is needed
 * @param language the language they share with the person: the need's language, or one the resident speaks; null when none is known to be shared
 * @param availability AVAILABLE at the needed time, ANY_TIME when the need gives no time, ASK when the helper's times are unknown
 * @param activeMatches the capacity's validated and active matches now
 * @param helpedBefore whether this helper already helped the same person (continuity)
 * @param score 0 to 100, see docs/matching.md
 * @param reasons the same facts in words, for the coordinator
 */
record Proposal(String capacityId, String category, String ownerId, String ownerKind, HelperKind helperKind,
                @Nullable String actorKind, String name, @Nullable String displayName, long distanceMetres,
                int radiusMetres, @Nullable String language, Availability availability, int activeMatches,
                int maxActive, boolean helpedBefore, int score, List<String> reasons) {

    enum Availability { AVAILABLE, ANY_TIME, ASK }
}
