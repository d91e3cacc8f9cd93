package be.carenetwork.system;

import be.carenetwork.support.CareNetworkTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

@CareNetworkTest
class ApplicationInfoTests {

    @Autowired MockMvcTester mvc;

    @Test
    void shouldReportTheDatabaseInHealth() {
        assertThat(mvc.get().uri("/actuator/health")).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.components.neo4j.status", v -> v.assertThat().isEqualTo("UP"))
                .hasPathSatisfying("$.components.neo4j.details.edition", v -> v.assertThat().isEqualTo("community"));
    }

    @Test
    void shouldDocumentTheApiWithOpenApi() {
        assertThat(mvc.get().uri("/v3/api-docs")).hasStatusOk().bodyJson()
                .hasPathSatisfying("$.paths['/api/actors/nearby'].get", v -> v.assertThat().isNotNull())
                .hasPathSatisfying("$.paths['/api/residents/{id}'].delete", v -> v.assertThat().isNotNull());
        assertThat(mvc.get().uri("/swagger-ui/index.html")).hasStatusOk();
    }
}
