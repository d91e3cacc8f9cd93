package be.carenetwork.analyst;

import java.util.List;
import java.util.Map;

import be.carenetwork.support.CareNetworkTest;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** POST /api/analyst/query: what analysts may run, what they may not, and how each is answered. */
@CareNetworkTest
@Import(AnalystFixture.class)
class AnalystQueryEndpointTests {

    @Autowired MockMvc mvc;
    @Autowired AnalystFixture fixture;
    @Autowired ObjectMapper json;

    ListAppender<ILoggingEvent> audit = new ListAppender<>();

    @BeforeEach
    void fixture() {
        fixture.load();
        audit.start();
        ((Logger) LoggerFactory.getLogger("analyst.audit")).addAppender(audit);
    }

    @AfterEach
    void stopListening() {
        ((Logger) LoggerFactory.getLogger("analyst.audit")).detachAppender(audit);
    }

    private ResultActions query(Map<String, ?> body) throws Exception {
        return query(body, MediaType.APPLICATION_JSON);
    }

    private ResultActions query(Map<String, ?> body, MediaType accept) throws Exception {
        return mvc.perform(post("/api/analyst/query").with(httpBasic("analyst", "analyst-demo"))
                .contentType(MediaType.APPLICATION_JSON).accept(accept).content(json.writeValueAsString(body)));
    }

    @Test
    void shouldAnswerAReadQueryAsJson() throws Exception {
        query(Map.of("cypher", """
                MATCH (r:Resident)-[:LIVES_IN]->(n:Neighbourhood {code: $code})
                RETURN r.pseudonym AS pseudonym, r.location AS location ORDER BY pseudonym LIMIT 2""",
                "parameters", Map.of("code", AnalystFixture.NEIGHBOURHOOD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.columns[0]").value("pseudonym"))
                .andExpect(jsonPath("$.rows[0][0]").value("R-FIXT0001"))
                .andExpect(jsonPath("$.rows[0][1].type").value("Point"))
                .andExpect(jsonPath("$.rows[1][0]").value("R-FIXT0002"))
                .andExpect(jsonPath("$.rowCount").value(2))
                .andExpect(jsonPath("$.truncated").value(false))
                .andExpect(jsonPath("$.graph").value("analyst"));
    }

    @Test
    void shouldAnswerAsCsvWhenTheAcceptHeaderAsksForIt() throws Exception {
        String csv = query(Map.of("cypher", """
                MATCH (a:Actor) WHERE a.id IN $ids
                RETURN a.name AS name, a.languages AS languages, a.location AS location ORDER BY name""",
                "parameters", Map.of("ids", List.of("cpas-ta1", "gp-ta1"))), new MediaType("text", "csv"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", startsWith("text/csv")))
                .andReturn().getResponse().getContentAsString();

        assertThat(csv.split("\r\n")).hasSize(3);
        assertThat(csv).startsWith("name,languages,location\r\nCPAS Fixture,\"[\"\"fr\"\",\"\"nl\"\"]\",POINT (");
        assertThat(csv).contains("\"Dr Fixture, GP\"");
    }

    @Test
    void shouldAnswerAsGeoJsonWithTheFirstPointAsGeometry() throws Exception {
        query(Map.of("cypher", "MATCH (a:Actor {id: 'gp-ta1'}) RETURN a.name AS name, a.location AS location"),
                MediaType.parseMediaType("application/geo+json"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.type").value("FeatureCollection"))
                .andExpect(jsonPath("$.features[0].geometry.type").value("Point"))
                .andExpect(jsonPath("$.features[0].properties.name").value("Dr Fixture, GP"));
    }

    @Test
    void shouldRefuseAWriteWithTheServersReason() throws Exception {
        query(Map.of("cypher", "MATCH (r:Resident) SET r.displayName = 'Changed' RETURN count(r)"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(containsString("No write operations are allowed on this database")));
        query(Map.of("cypher", "CREATE (n:Injected) RETURN n"))
                .andExpect(status().isForbidden());
        query(Map.of("cypher", "CREATE INDEX injected FOR (n:Resident) ON (n.displayName)"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(containsString("read-only")));

        query(Map.of("cypher", "MATCH (n:Injected) RETURN count(n) AS n"))
                .andExpect(jsonPath("$.rows[0][0]").value(0));
    }

    @Test
    void shouldRefuseLoadCsv() throws Exception {
        query(Map.of("cypher", "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(containsString("LOAD CSV")));
        query(Map.of("cypher", "load   csv with headers from 'http://127.0.0.1:8080/' AS line RETURN line"))
                .andExpect(status().isForbidden());
    }

    @Test
    void shouldRefuseProceduresThatReachBeyondTheGraph() throws Exception {
        query(Map.of("cypher", "CALL dbms.listConfig() YIELD name RETURN name"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(containsString("dbms.listConfig")));
        query(Map.of("cypher", "CALL apoc.load.json('file:///etc/passwd')"))
                .andExpect(status().isForbidden());
        query(Map.of("cypher", "CALL apoc.export.csv.all('all.csv', {})"))
                .andExpect(status().isForbidden());
        query(Map.of("cypher", "CALL db.labels() YIELD label RETURN label ORDER BY label LIMIT 1"))
                .andExpect(status().isOk());
    }

    @Test
    void shouldRefuseAdministrationCommands() throws Exception {
        for (String command : List.of("SHOW USERS", "CREATE USER intruder SET PASSWORD 'intruder-pass'",
                "SHOW PRIVILEGES", "TERMINATE TRANSACTIONS 'neo4j-transaction-1'", "SHOW TRANSACTIONS",
                "SHOW SETTINGS", "STOP DATABASE neo4j")) {
            query(Map.of("cypher", command)).andExpect(status().isForbidden());
        }
    }

    @Test
    void shouldGiveThePositionOfASyntaxError() throws Exception {
        query(Map.of("cypher", "MATCH (n:Resident)\nRETURN n.pseudonym +"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Cypher syntax error"))
                .andExpect(jsonPath("$.line").value(2))
                .andExpect(jsonPath("$.column").value(21))
                .andExpect(jsonPath("$.offset").value(39))
                .andExpect(jsonPath("$.errors[0].field").value("cypher"));
    }

    @Test
    void shouldStopAQueryAtItsTimeOut() throws Exception {
        query(Map.of("cypher", "UNWIND range(1, 10000000000) AS x WITH x WHERE x % 7 = 3 RETURN count(*)",
                "timeoutSeconds", 1))
                .andExpect(status().isGatewayTimeout())
                .andExpect(jsonPath("$.title").value("Query time-out"))
                .andExpect(jsonPath("$.detail").value(containsString("longer than 1 s")));
    }

    @Test
    void shouldCapTheRowsAndSaySo() throws Exception {
        query(Map.of("cypher", "UNWIND range(1, 50) AS x RETURN x", "maxRows", 10))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rowCount").value(10))
                .andExpect(jsonPath("$.rows[9][0]").value(10))
                .andExpect(jsonPath("$.truncated").value(true));
        query(Map.of("cypher", "RETURN 1", "maxRows", 10_001))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("maxRows"));
    }

    @Test
    void shouldReturnThePlanWhenAskedToProfile() throws Exception {
        query(Map.of("cypher", "MATCH (a:Actor) RETURN count(a) AS actors", "profile", true))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.plan").value(containsString("ProduceResults")));
    }

    @Test
    void shouldRefuseEveryoneButAnalystsAndCoordinators() throws Exception {
        String body = json.writeValueAsString(Map.of("cypher", "RETURN 1"));
        mvc.perform(post("/api/analyst/query").with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/api/analyst/query").with(httpBasic("professional", "professional-demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/analyst/query").with(httpBasic("coordinator", "coordinator-demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk());
        mvc.perform(get("/api/analyst/snapshot/residents.csv").with(httpBasic("professional", "professional-demo")))
                .andExpect(status().isForbidden());
    }

    @Test
    void shouldAuditEveryQueryWithWhoWhatHowLongAndHowMany() throws Exception {
        query(Map.of("cypher", "UNWIND range(1, 3) AS x RETURN x"));
        query(Map.of("cypher", "CREATE (n:Injected)"));

        assertThat(audit.list).extracting(ILoggingEvent::getFormattedMessage)
                .anySatisfy(line -> assertThat(line).contains("user=analyst", "via=http", "outcome=ok", "rows=3",
                        "ms=", "query=\"UNWIND range(1, 3) AS x RETURN x\""))
                .anySatisfy(line -> assertThat(line).contains("user=analyst", "outcome=refused", "CREATE (n:Injected)"));
        assertThat(audit.list).allSatisfy(event -> assertThat(event.getTimeStamp()).isPositive());
    }
}
