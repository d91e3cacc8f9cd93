package be.carenetwork.matching;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

import be.carenetwork.directory.ActorKind;
import be.carenetwork.security.CareUser;
import be.carenetwork.support.CareNetworkTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static be.carenetwork.matching.MatchingFixture.COORDINATOR;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The HTTP API: who may do what, who sees whose identity, and the errors. */
@CareNetworkTest
class MatchingApiTests {

    static final RequestPostProcessor COORDINATOR_USER = httpBasic("coordinator", "coordinator-demo");
    static final RequestPostProcessor PROFESSIONAL_USER = httpBasic("professional", "professional-demo");
    static final RequestPostProcessor ANALYST_USER = httpBasic("analyst", "analyst-demo");

    @Autowired ApplicationContext context;
    @Autowired MockMvc mvc;
    @Autowired MatchWorkflow workflow;

    MatchingFixture world;
    String need;
    String capacity;
    String matchId;

    @BeforeEach
    void fixture() {
        world = new MatchingFixture(context);
        world.reset();
        String person = world.resident("Anna Peeters", 0, List.of("nl"), true);
        String helper = world.actor("Jan, neighbour", ActorKind.NEIGHBOUR, 200, List.of("nl"), null);
        capacity = world.offer(helper, "shopping", 1000, null, 2);
        need = world.need(person, "shopping", 2000, null, null);
        matchId = workflow.propose(need, capacity, COORDINATOR, OffsetDateTime.now()).id();
        world.signOut();
    }

    @AfterEach
    void signOut() {
        world.signOut();
    }

    @Test
    void shouldShowTheCoordinatorRankedProposalsWithReasons() throws Exception {
        String other = world.need(signedInResident(), "shopping", 2000, null, null);
        world.signOut();

        mvc.perform(get("/api/matching/needs/{id}/proposals", other).with(COORDINATOR_USER))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.proposals[0].capacityId").value(capacity))
                .andExpect(jsonPath("$.proposals[0].reasons[0]").value(containsString("m away")))
                .andExpect(jsonPath("$.proposals[0].availability").value("ANY_TIME"));
    }

    private String signedInResident() {
        world.signIn("coordinator");
        return world.resident("Bert", 10, List.of("nl"), true);
    }

    @Test
    void shouldShowTheResidentsIdentityToTheCoordinatorOnly() throws Exception {
        mvc.perform(get("/api/matching/matches/{id}", matchId).with(COORDINATOR_USER))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.personal.displayName").value("Anna Peeters"))
                .andExpect(jsonPath("$.personal.phone").value("+32 470 11 22 33"))
                .andExpect(jsonPath("$.person.pseudonym").value(containsString("R-")));

        for (RequestPostProcessor other : List.of(PROFESSIONAL_USER, ANALYST_USER)) {
            mvc.perform(get("/api/matching/matches/{id}", matchId).with(other))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.person.pseudonym").value(containsString("R-")))
                    .andExpect(jsonPath("$.personal").doesNotExist())
                    .andExpect(jsonPath("$.reasons").isEmpty())
                    .andExpect(content().string(not(containsString("Anna"))))
                    .andExpect(content().string(not(containsString("+32 470"))));
        }
    }

    @Test
    void shouldKeepAnonymousUsersOutOfMatching() throws Exception {
        mvc.perform(get("/api/matching/matches/{id}", matchId)).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/matching/needs/{id}/proposals", need)).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/matching/dashboard").param("neighbourhood", "T1")).andExpect(status().isUnauthorized());
    }

    @Test
    void shouldKeepProfessionalsAndAnalystsOutOfTheCoordinatorsWork() throws Exception {
        for (RequestPostProcessor other : List.of(PROFESSIONAL_USER, ANALYST_USER)) {
            mvc.perform(get("/api/matching/needs/{id}/proposals", need).with(other)).andExpect(status().isForbidden());
            mvc.perform(post("/api/matching/matches/{id}/validate", matchId).with(other)).andExpect(status().isForbidden());
            mvc.perform(get("/api/matching/dashboard").param("neighbourhood", "T1").with(other)).andExpect(status().isForbidden());
            mvc.perform(get("/api/matching/matches/{id}/audit", matchId).with(other)).andExpect(status().isForbidden());
        }
    }

    @Test
    void shouldAnswer403ToACoordinatorOfAnotherNeighbourhoodAndShowThemAPseudonymOnly() throws Exception {
        RequestPostProcessor elsewhere = user(new CareUser("elsewhere", "x",
                List.of(new SimpleGrantedAuthority("ROLE_COORDINATOR")), Set.of("T2")));

        mvc.perform(post("/api/matching/matches/{id}/validate", matchId).with(elsewhere).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/matching/needs/{id}/proposals", need).with(elsewhere)).andExpect(status().isForbidden());
        mvc.perform(get("/api/matching/dashboard").param("neighbourhood", "T1").with(elsewhere)).andExpect(status().isForbidden());
        mvc.perform(get("/api/matching/matches/{id}", matchId).with(elsewhere))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PROPOSED"))
                .andExpect(jsonPath("$.personal").doesNotExist())
                .andExpect(content().string(not(containsString("Anna"))));
    }

    @Test
    void shouldWalkTheWorkflowOverHttpAndAnswer409ToASecondValidation() throws Exception {
        mvc.perform(post("/api/matching/matches/{id}/validate", matchId).with(COORDINATOR_USER))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("VALIDATED"))
                .andExpect(jsonPath("$.validatedBy").value("coordinator"));
        mvc.perform(post("/api/matching/matches/{id}/validate", matchId).with(COORDINATOR_USER))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("is VALIDATED")));
        mvc.perform(post("/api/matching/matches/{id}/help", matchId).with(COORDINATOR_USER)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"date\":\"" + LocalDate.now() + "\",\"what\":\"Groceries\",\"minutes\":75}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("ACTIVE"))
                .andExpect(jsonPath("$.helpMinutes").value(75));
        mvc.perform(post("/api/matching/matches/{id}/close", matchId).with(COORDINATOR_USER))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CLOSED"))
                .andExpect(jsonPath("$.afterCareDue").value(LocalDate.now().plusDays(14).toString()));
        mvc.perform(get("/api/matching/needs/{id}/proposals", need).with(COORDINATOR_USER))
                .andExpect(status().isConflict());
        mvc.perform(get("/api/matching/matches/{id}/audit", matchId).with(COORDINATOR_USER))
                .andExpect(status().isOk()).andExpect(jsonPath("$[*].action").value(hasItem("CLOSE")));
    }

    @Test
    void shouldNameTheBadFieldAndTheMissingId() throws Exception {
        mvc.perform(post("/api/matching/matches/{id}/help", matchId).with(COORDINATOR_USER)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"date\":\"2026-01-01\",\"minutes\":0}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("minutes"));
        mvc.perform(post("/api/matching/matches/{id}/decline", matchId).with(COORDINATOR_USER)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        mvc.perform(post("/api/matching/matches/{id}/validate", "no-such-match").with(COORDINATOR_USER))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value(containsString("no-such-match")));
        mvc.perform(get("/api/matching/needs/{id}/proposals", need).param("limit", "500").with(COORDINATOR_USER))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("limit"));
    }

    @Test
    void shouldAnswer404WhenTheCapacityVanishedAndChangeNothing() throws Exception {
        world.signIn("coordinator");
        world.capacities.withdraw(capacity);
        world.signOut();

        mvc.perform(post("/api/matching/matches/{id}/validate", matchId).with(COORDINATOR_USER))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value(containsString(capacity)));
        mvc.perform(get("/api/matching/matches/{id}", matchId).with(COORDINATOR_USER))
                .andExpect(jsonPath("$.status").value("PROPOSED"));
    }

    @Test
    void shouldDownloadTheDashboardAsCsv() throws Exception {
        mvc.perform(get("/api/matching/dashboard.csv").param("neighbourhood", "T1").with(COORDINATOR_USER))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andExpect(content().string(containsString("section,key,value\n")))
                .andExpect(content().string(containsString("matches_by_status,PROPOSED,1\n")));
    }
}
