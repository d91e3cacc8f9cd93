package be.carenetwork.referral;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxHops the longest warm path searched, in hops (1 to 6)
 * @param targetRadiusMetres how far from the person an actor able to help may be
 * @param targets how many of the nearest able actors a path is searched to
 * @param alternatives how many paths are given besides the best one
 * @param staleAfterDays a referral still SENT after this many days counts as a dead end
 * @param timeZone the zone "open now" is read in
 */
@ConfigurationProperties("care.referral")
public record ReferralProperties(@DefaultValue("4") int maxHops, @DefaultValue("3000") int targetRadiusMetres,
                                 @DefaultValue("25") int targets, @DefaultValue("3") int alternatives,
                                 @DefaultValue("14") int staleAfterDays,
                                 @DefaultValue("Europe/Brussels") ZoneId timeZone) {

    public ReferralProperties {
        if (maxHops < 1 || maxHops > 6) {
            throw new IllegalArgumentException("care.referral.max-hops must be between 1 and 6, was " + maxHops);
        }
        if (targets < 1 || targets > 200) {
            throw new IllegalArgumentException("care.referral.targets must be between 1 and 200, was " + targets);
        }
    }
}
