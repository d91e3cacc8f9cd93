package be.carenetwork.matching;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param afterCareDays when a match is closed without a due date, the after-care follow-up is due this many days later
 * @param referralDistanceMetres how far to look for referral points and formal actors when nothing matches
 */
@ConfigurationProperties("care.matching")
record MatchingProperties(@DefaultValue("14") int afterCareDays, @DefaultValue("3000") int referralDistanceMetres) {
}
