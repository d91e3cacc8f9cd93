package be.carenetwork.security;

import java.util.List;
import java.util.Set;

/**
 * The users that exist when none are configured: for trying the product on a laptop, never for real use.
 * Their passwords are public (they are in the README), so the first start says so loudly.
 */
final class DemoUsers {

    record DemoUser(String username, String password, Role role) {
    }

    static final List<DemoUser> USERS = List.of(
            new DemoUser("coordinator", "coordinator-demo", Role.COORDINATOR),
            new DemoUser("professional", "professional-demo", Role.PROFESSIONAL),
            new DemoUser("analyst", "analyst-demo", Role.ANALYST));

    private DemoUsers() {
    }

    static List<CareSecurityProperties.UserEntry> hashedWith(org.springframework.security.crypto.password.PasswordEncoder encoder) {
        return USERS.stream()
                .map(u -> new CareSecurityProperties.UserEntry(u.username(), encoder.encode(u.password()),
                        Set.of(u.role()), Set.of()))
                .toList();
    }
}
