package be.carenetwork.referral;

import java.util.Set;

/** Where a referral of a request stands. */
public enum ReferralStatus {
    SENT,
    ACCEPTED,
    NO_CAPACITY,
    NOT_ELIGIBLE,
    GOT_HELP,
    COULD_NOT_CONTACT,
    NO_LONGER_NEEDED;

    /** The statuses after which the request goes nowhere unless someone refers it on: a dead end. */
    static final Set<ReferralStatus> DEAD_ENDS = Set.of(NO_CAPACITY, NOT_ELIGIBLE, COULD_NOT_CONTACT);

    /** Whether a referral in this status may move to {@code next}: SENT to any other, ACCEPTED to an outcome. */
    boolean mayBecome(ReferralStatus next) {
        return switch (this) {
            case SENT -> next != SENT;
            case ACCEPTED -> next != SENT && next != ACCEPTED;
            default -> false;
        };
    }
}
