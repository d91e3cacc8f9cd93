package be.carenetwork.referral;

import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A request for help passed from one actor to another.
 *
 * @param requestId what all referrals of one person's request share (the need's id when it was registered)
 * @param previousId the referral this one passes on, if any
 * @param history every status it has had, oldest first
 */
public record Referral(String id, String requestId, ActorRef from, ActorRef to, String category,
                       @Nullable String needId, @Nullable String previousId, ReferralStatus status,
                       @Nullable String note, OffsetDateTime createdAt, String createdBy, List<StatusChange> history) {

    public record StatusChange(ReferralStatus status, OffsetDateTime at, String by, @Nullable String note) {
    }
}
