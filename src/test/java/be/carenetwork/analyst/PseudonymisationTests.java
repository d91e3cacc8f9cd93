package be.carenetwork.analyst;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import be.carenetwork.directory.Blur;
import be.carenetwork.system.GeoPoint;
import be.carenetwork.support.CareNetworkTest;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.data.neo4j.core.DatabaseSelectionProvider;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** No analyst path gives away who a resident is: not the library, not their own Cypher, not the exports. */
@CareNetworkTest
@Import(AnalystFixture.class)
class PseudonymisationTests {

    @Autowired MockMvc mvc;
    @Autowired AnalystFixture fixture;
    @Autowired AnalystGraph analystGraph;
    @Autowired QueryLibrary library;
    @Autowired Pseudonyms pseudonyms;
    @Autowired ObjectMapper json;
    @Autowired AnalystProperties properties;
    @Autowired PseudonymisedSnapshot snapshot;
    @Autowired Driver driver;
    @Autowired DatabaseSelectionProvider database;

    @BeforeEach
    void fixture() {
        fixture.load();
    }

    private String post(String path, Object body, MediaType accept) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path)
                        .with(httpBasic("analyst", "analyst-demo")).contentType(MediaType.APPLICATION_JSON)
                        .accept(accept).content(json.writeValueAsString(body)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private static void assertNobodyIn(String answer, String what) {
        AnalystFixture.SECRETS.forEach(secret -> assertThat(answer).as(what + " must not contain " + secret)
                .doesNotContain(secret));
    }

    @Test
    void shouldKeepResidentsOutOfEveryLibraryQuery() throws Exception {
        for (LibraryQuery query : library.all()) {
            Map<String, Object> parameters = query.name().equals("aftercare_overdue") ? Map.of("today", "2026-12-31")
                    : query.name().equals("recurring_needs_per_quarter") ? Map.of("minQuarters", 1) : Map.of();
            for (MediaType format : List.of(MediaType.APPLICATION_JSON, new MediaType("text", "csv"),
                    MediaType.parseMediaType("application/geo+json"))) {
                assertNobodyIn(post("/api/analyst/queries/" + query.name(), Map.of("parameters", parameters), format),
                        query.name() + " as " + format);
            }
        }
    }

    /** With an external Neo4j (care.analyst.graph=OFF) the library runs on the main graph, and nothing else does. */
    private AnalystQueries withoutAnalystGraph() {
        AnalystGraph off = new AnalystGraph(properties, new AnalystGraphBuilder(snapshot), null, false, 0);
        return new AnalystQueries(off, library, driver, database, properties);
    }

    @Test
    void shouldKeepResidentsOutOfLibraryQueriesOnTheMainGraph() throws Exception {
        AnalystQueries queries = withoutAnalystGraph();
        for (LibraryQuery query : library.all()) {
            Map<String, Object> parameters = query.name().equals("aftercare_overdue") ? Map.of("today", "2026-12-31") : Map.of();
            var answer = AnalystQueries.answer(queries.library("test", query.name(), parameters,
                    queries.limits(null, null, false, false)), 10_000);
            assertThat(answer.graph()).isEqualTo("main");
            assertNobodyIn(json.writeValueAsString(answer), query.name() + " on the main graph");
        }
    }

    @Test
    void shouldRefuseAnalystsOwnCypherWithoutAnAnalystGraph() {
        AnalystQueries queries = withoutAnalystGraph();

        assertThatThrownBy(() -> queries.custom("test", "MATCH (r:Resident) RETURN r.displayName", Map.of(),
                queries.limits(null, null, false, false)))
                .isInstanceOfSatisfying(QueryFailure.class, e -> assertThat(e.kind()).isEqualTo(QueryFailure.Kind.REFUSED));
    }

    @Test
    void shouldKeepResidentsOutOfAnalystsOwnCypher() throws Exception {
        List<String> attempts = List.of(
                "MATCH (n) RETURN n",
                "MATCH ()-[r]->() RETURN r",
                "MATCH p = ()-[]->()-[]->() RETURN p LIMIT 500",
                "MATCH (r:Resident) RETURN properties(r) AS all, keys(r) AS keys, r.displayName, r.phone, r.email",
                "MATCH (n:Need) RETURN n {.*} AS need",
                "MATCH (a:Actor) RETURN a {.*} AS actor",
                "MATCH (m:Match) RETURN m {.*}",
                "MATCH ()-[o:OFFERS]->() RETURN o {.*}",
                "MATCH (m:CareMeeting) RETURN m {.*}",
                "MATCH ()-[r:REFERS_TO]->() RETURN r {.*}",
                "CALL db.index.fulltext.queryNodes('actor_text', 'Hortensia OR Zebulon') YIELD node RETURN node");
        for (String cypher : attempts) {
            for (MediaType format : List.of(MediaType.APPLICATION_JSON, new MediaType("text", "csv"))) {
                var result = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                                .post("/api/analyst/query").with(httpBasic("analyst", "analyst-demo"))
                                .contentType(MediaType.APPLICATION_JSON).accept(format)
                                .content(json.writeValueAsString(Map.of("cypher", cypher))))
                        .andReturn().getResponse();
                assertThat(result.getStatus()).as(cypher).isIn(200, 400);
                assertNobodyIn(result.getContentAsString(), cypher);
            }
        }
    }

    @Test
    void shouldKeepResidentsOutOfTheSnapshotExports() throws Exception {
        for (SnapshotKind kind : SnapshotKind.values()) {
            List<String> files = new ArrayList<>(List.of(kind.fileName() + ".csv"));
            kind.geometryColumn().ifPresent(column -> files.add(kind.fileName() + ".geojson"));
            for (String file : files) {
                String export = mvc.perform(get("/api/analyst/snapshot/" + file).with(httpBasic("analyst", "analyst-demo")))
                        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
                assertNobodyIn(export, file);
            }
        }
    }

    @Test
    void shouldShowAResidentAsTheirPseudonymAtTheirBlurredLocation() throws Exception {
        String residents = mvc.perform(get("/api/analyst/snapshot/residents.csv").with(httpBasic("analyst", "analyst-demo")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        GeoPoint blurred = Blur.of(new GeoPoint(50.8781234567, 4.3219876543));

        assertThat(residents.lines().filter(line -> line.startsWith(AnalystFixture.ZEBULON_PSEUDONYM)).toList())
                .containsExactly(AnalystFixture.ZEBULON_PSEUDONYM + "," + AnalystFixture.NEIGHBOURHOOD + ",POINT ("
                        + blurred.lon() + " " + blurred.lat() + "),POINT (" + blurred.lon() + " " + blurred.lat()
                        + "),1940,\"[\"\"fr\"\",\"\"tr\"\"]\",true");
    }

    @Test
    void shouldGiveNeedsCapacitiesMatchesAndPrivateActorsStablePseudonyms() {
        try (AnalystGraph.Lease lease = analystGraph.lease(Duration.ofSeconds(30))) {
            Map<String, Object> row = lease.tx().execute("""
                    MATCH (m:Match)-[:FOR_NEED]->(n:Need)<-[:HAS_NEED]-(r:Resident), (m)-[:BY]->(by:Actor)
                    MATCH (neighbour:Actor {kind: 'NEIGHBOUR'})
                    RETURN m.id AS match, m.capacityId AS capacity, n.id AS need, r.pseudonym AS resident, by.id AS by,
                           neighbour.id AS neighbour, neighbour.name AS neighbourName""").next();

            assertThat(row).containsEntry("match", pseudonyms.of("M", "match-zebulon-1"))
                    .containsEntry("capacity", pseudonyms.of("C", "cap-zebulon"))
                    .containsEntry("need", pseudonyms.of("N", "need-zebulon-1"))
                    .containsEntry("resident", AnalystFixture.ZEBULON_PSEUDONYM)
                    .containsEntry("by", AnalystFixture.CPAS)
                    .containsEntry("neighbour", pseudonyms.of("A", AnalystFixture.NEIGHBOUR))
                    .containsEntry("neighbourName", "Neighbour " + pseudonyms.of("A", AnalystFixture.NEIGHBOUR));
        }
        assertThat(pseudonyms.of("N", "need-zebulon-1")).matches("N-[B-Z2-9]{10}")
                .isEqualTo(pseudonyms.of("N", "need-zebulon-1"))
                .isNotEqualTo(Pseudonyms.withKey("another key").of("N", "need-zebulon-1"));
    }

    @Test
    void shouldCopyOnlyNumbersDatesAndCodesFromOtherFeatures() {
        try (AnalystGraph.Lease lease = analystGraph.lease(Duration.ofSeconds(30))) {
            Map<String, Object> row = lease.tx().execute("""
                    MATCH (m:Match), (meeting:CareMeeting {id: 'meeting-ta1-1'}), (:Actor)-[r:REFERS_TO {since: date('2026-02-02')}]->()
                    RETURN keys(m) AS match, keys(meeting) AS meeting, keys(r) AS referral""").next();

            assertThat(row.get("match")).asInstanceOf(InstanceOfAssertFactories.list(String.class)).containsExactlyInAnyOrder("id", "capacityId", "status", "score",
                    "createdAt", "dueDate");
            assertThat(row.get("meeting")).asInstanceOf(InstanceOfAssertFactories.list(String.class)).containsExactlyInAnyOrder("id", "date", "mode", "title");
            assertThat(row.get("referral")).asInstanceOf(InstanceOfAssertFactories.list(String.class)).containsExactlyInAnyOrder("categories", "since");
        }
    }
}
