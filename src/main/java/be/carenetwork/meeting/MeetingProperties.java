package be.carenetwork.meeting;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param fragileAtMost a category offered by at most this many actors of a neighbourhood is fragile
 * @param bridges how many bridging actors the network health lists
 * @param introductions how many suggested introductions it lists
 */
@ConfigurationProperties("care.meeting")
public record MeetingProperties(@DefaultValue("1") int fragileAtMost, @DefaultValue("10") int bridges,
                                @DefaultValue("10") int introductions) {
}
