package be.carenetwork.security;

import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The users of the application. With none configured, three demo users are used (and announced at first start).
 *
 * @param users each with a hashed password ({@code {bcrypt}...}), roles and, for coordinators, neighbourhood codes
 */
@ConfigurationProperties("care.security")
public record CareSecurityProperties(@DefaultValue List<UserEntry> users) {

    public record UserEntry(String username, String password, Set<Role> roles, @DefaultValue Set<String> neighbourhoods) {
    }
}
