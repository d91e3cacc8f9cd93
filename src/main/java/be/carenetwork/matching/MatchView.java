package be.carenetwork.matching;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import be.carenetwork.directory.ResidentView;
import org.jspecify.annotations.Nullable;

/**
 * A match as the API shows it. The person helped appears as a pseudonym ({@link ResidentView}) to everyone;
 * their personal data ({@link PersonalData}) and the free texts (decline reason, after-care outcome, what was done)
 * only to coordinators of the need's neighbourhood.
 *
 * @param needId null once the person was erased (GDPR): the match is then anonymous and only counts
 * @param person the resident helped, as a pseudonym; null for a need registered on behalf of someone unregistered
 * @param afterCareDue when the after-care follow-up is due (closed matches)
 */
record MatchView(String id, @Nullable String needId, String category, MatchStatus status, @Nullable Integer score,
                 List<String> reasons, @Nullable Long distanceMetres, Helper helper, @Nullable ResidentView person,
                 @Nullable PersonalData personal, @Nullable String neighbourhood,
                 OffsetDateTime proposedAt, String proposedBy, @Nullable OffsetDateTime validatedAt,
                 @Nullable String validatedBy, @Nullable OffsetDateTime activatedAt, @Nullable OffsetDateTime closedAt,
                 @Nullable LocalDate afterCareDue, @Nullable String afterCareOutcome, @Nullable OffsetDateTime afterCareDoneAt,
                 @Nullable OffsetDateTime declinedAt, @Nullable String declineReason, List<HelpEvent> help,
                 int helpMinutes, boolean anonymised) {

    /**
     * Who helps through which capacity.
     *
     * @param ownerId null once a resident helper was erased
     * @param name the actor's name, or a resident helper's pseudonym
     * @param displayName a resident helper's name, for coordinators of the helper's neighbourhood only
     */
    record Helper(String capacityId, @Nullable String ownerId, @Nullable String ownerKind, HelperKind kind,
                  @Nullable String name, @Nullable String displayName) {
    }

    /** The resident's contact data, for coordinators of their neighbourhood. */
    record PersonalData(String residentId, String displayName, @Nullable String phone, @Nullable String email) {
    }

    /** Help provided on a match: when, what (coordinators only), how long. */
    record HelpEvent(String id, LocalDate date, @Nullable String what, int minutes, String loggedBy,
                     OffsetDateTime loggedAt) {
    }

    /**
     * One change to a match: who, when, and the fields before and after as {@code name=value}. Free texts are
     * written as {@code (text)} and residents appear by id only, so the trail holds no personal data.
     */
    record AuditEntry(OffsetDateTime at, String by, String action, List<String> before, List<String> after) {
    }
}
