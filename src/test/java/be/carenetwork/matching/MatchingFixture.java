package be.carenetwork.matching;

import java.time.LocalDate;
import java.util.List;

import be.carenetwork.directory.ActorInput;
import be.carenetwork.directory.ActorKind;
import be.carenetwork.directory.Actors;
import be.carenetwork.directory.Capacities;
import be.carenetwork.directory.NeedInput;
import be.carenetwork.directory.Needs;
import be.carenetwork.directory.ResidentInput;
import be.carenetwork.directory.Residents;
import be.carenetwork.directory.Visibility;
import be.carenetwork.neighbourhood.MunicipalityOverlap;
import be.carenetwork.neighbourhood.Neighbourhoods;
import be.carenetwork.support.Fixtures;
import be.carenetwork.support.TestGraph;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.TestSecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * A small matching world: one square neighbourhood (T1) in Jette, helpers placed by metres north of its centre, and
 * the demo coordinator signed in (a coordinator of every neighbourhood).
 */
class MatchingFixture {

    static final String NEIGHBOURHOOD = "T1";
    static final Caller COORDINATOR = new Caller("coordinator", true, true, java.util.Set.of());
    static final Caller OTHER_COORDINATOR = new Caller("elsewhere", true, false, java.util.Set.of("T9"));

    final TestGraph graph;
    final Neighbourhoods neighbourhoods;
    final MunicipalityOverlap overlap;
    final Actors actors;
    final Residents residents;
    final Capacities capacities;
    final Needs needs;
    final UserDetailsService users;

    /** Built from the shared test context, so that test classes keep exactly {@code @CareNetworkTest}. */
    MatchingFixture(ApplicationContext context) {
        graph = context.getBean(TestGraph.class);
        neighbourhoods = context.getBean(Neighbourhoods.class);
        overlap = context.getBean(MunicipalityOverlap.class);
        actors = context.getBean(Actors.class);
        residents = context.getBean(Residents.class);
        capacities = context.getBean(Capacities.class);
        needs = context.getBean(Needs.class);
        users = context.getBean(UserDetailsService.class);
    }

    /** Clears the graph, makes the neighbourhood and signs the coordinator in. */
    void reset() {
        graph.clear();
        signIn("coordinator");
        neighbourhoods.save(List.of(Fixtures.square(NEIGHBOURHOOD)), overlap.calculator());
    }

    void signIn(String username) {
        UserDetails user = users.loadUserByUsername(username);
        // A new context, set in both holders: MockMvc requests take TestSecurityContextHolder's, which would otherwise
        // keep pointing at a context this thread used before.
        SecurityContext signedIn = SecurityContextHolder.createEmptyContext();
        signedIn.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        TestSecurityContextHolder.setContext(signedIn);
    }

    void signOut() {
        TestSecurityContextHolder.clearContext();
    }

    String actor(String name, ActorKind kind, double metresNorth, List<String> languages, @Nullable String openingHours) {
        return actors.create(new ActorInput(name, null, kind, Fixtures.north(metresNorth), Fixtures.LON, null, languages,
                openingHours, List.of(), "UNKNOWN", kind.formal() ? Visibility.PUBLIC : Visibility.PRIVATE, null, null,
                null, false)).id();
    }

    String offer(String ownerId, String category, int radius, @Nullable String availability, int maxActive) {
        return capacities.offer(ownerId, new Capacities.CapacityData(category, radius, availability, maxActive, null)).id();
    }

    String resident(String name, double metresNorth, List<String> languages, boolean consented) {
        return residents.create(new ResidentInput(name, "+32 470 11 22 33", "someone@example.org", 1950, languages,
                Fixtures.north(metresNorth), Fixtures.LON, consented ? LocalDate.of(2026, 1, 15) : null)).id();
    }

    String need(String residentId, String category, int maxDistance, @Nullable String language, @Nullable String neededAt) {
        return needs.create(new NeedInput(residentId, null, category, "Needs " + category, null, null, maxDistance,
                language, neededAt)).id();
    }
}
