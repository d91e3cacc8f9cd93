package be.carenetwork.security;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is asking, for the services that show more to signed-in users than to anonymous ones. */
public final class CurrentUser {

    private CurrentUser() {
    }

    public static Optional<CareUser> get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof CareUser user ? Optional.of(user) : Optional.empty();
    }

    /** Signed in with any role: may see private actors. */
    public static boolean signedIn() {
        return get().isPresent();
    }

    public static boolean has(Role role) {
        return get().map(user -> user.hasRole(role)).orElse(false);
    }
}
