/**
 * "Ask once": the decision tree (which question for help is resolved by which help categories and kinds of
 * actors; data that coordinators edit, versioned), the triage that walks it to concrete actors near the person,
 * referral paths from the actor first asked to one that can help (over REFERS_TO and KNOWS), the REFERS_TO
 * declarations, and referrals of requests tracked by status, with loops and dead ends found for coordinators.
 */
@org.jspecify.annotations.NullMarked
package be.carenetwork.referral;
