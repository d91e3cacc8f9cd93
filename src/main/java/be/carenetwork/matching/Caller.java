package be.carenetwork.matching;

import java.util.List;
import java.util.Set;

import be.carenetwork.security.CareUser;
import be.carenetwork.security.CurrentUser;
import be.carenetwork.security.Role;
import org.springframework.security.access.AccessDeniedException;

/**
 * Who acts on matches, and for which neighbourhoods. Cypher writes receive it as parameters ({@code $by},
 * {@code $all}, {@code $mine}) so that the permission check is part of the same statement as the change.
 *
 * @param coordinator whether the caller is a coordinator at all
 * @param all a coordinator of every neighbourhood
 * @param neighbourhoods the codes coordinated, when not all
 */
record Caller(String username, boolean coordinator, boolean all, Set<String> neighbourhoods) {

    /** The demo data's own caller. */
    static final Caller DEMO = new Caller("demo", true, true, Set.of());

    static Caller current() {
        CareUser user = CurrentUser.get().orElseThrow(() -> new AccessDeniedException("Sign in first"));
        boolean coordinator = user.hasRole(Role.COORDINATOR);
        return new Caller(user.getUsername(), coordinator, coordinator && user.neighbourhoods().isEmpty(),
                user.neighbourhoods());
    }

    boolean coordinates(@org.jspecify.annotations.Nullable String neighbourhood) {
        return coordinator && (all || (neighbourhood != null && neighbourhoods.contains(neighbourhood)));
    }

    void requireCoordinatorOf(@org.jspecify.annotations.Nullable String neighbourhood) {
        if (!coordinates(neighbourhood)) {
            throw new AccessDeniedException("You are not a coordinator of neighbourhood " + neighbourhood);
        }
    }

    java.util.Map<String, Object> parameters() {
        return java.util.Map.of("by", username, "all", all, "mine", List.copyOf(neighbourhoods),
                "coordinator", coordinator);
    }
}
