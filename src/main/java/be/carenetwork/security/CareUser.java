package be.carenetwork.security;

import java.util.Collection;
import java.util.Set;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * A signed-in user, with the neighbourhoods (codes) a coordinator works for.
 * A coordinator with no neighbourhoods listed works for all of them.
 */
public class CareUser extends User {

    private final Set<String> neighbourhoods;

    public CareUser(String username, String password, Collection<? extends GrantedAuthority> authorities,
             Set<String> neighbourhoods) {
        super(username, password, authorities);
        this.neighbourhoods = Set.copyOf(neighbourhoods);
    }

    public Set<String> neighbourhoods() {
        return neighbourhoods;
    }

    public boolean hasRole(Role role) {
        return getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_" + role.name()));
    }

    /** Whether this user coordinates the neighbourhood with that code. */
    public boolean coordinates(String neighbourhoodCode) {
        return hasRole(Role.COORDINATOR) && (neighbourhoods.isEmpty() || neighbourhoods.contains(neighbourhoodCode));
    }
}
