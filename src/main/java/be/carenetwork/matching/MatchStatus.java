package be.carenetwork.matching;

import java.util.List;

/**
 * Where a match stands: PROPOSED by the coordinator (asking the helper), VALIDATED by the coordinator, ACTIVE once
 * help started, CLOSED with an after-care follow-up, or DECLINED with a reason.
 */
enum MatchStatus {
    PROPOSED, VALIDATED, ACTIVE, CLOSED, DECLINED;

    /** The statuses that take up a capacity and answer a need: what "load" and "double booking" count. */
    static final List<String> BOOKED = List.of(VALIDATED.name(), ACTIVE.name());
}
