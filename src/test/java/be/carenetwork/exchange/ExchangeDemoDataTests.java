package be.carenetwork.exchange;

import java.util.List;
import java.util.Random;

import be.carenetwork.demo.DemoGraph;
import be.carenetwork.neighbourhood.MunicipalityOverlap;
import be.carenetwork.neighbourhood.Neighbourhoods;
import be.carenetwork.support.CareNetworkTest;
import be.carenetwork.support.Fixtures;
import be.carenetwork.support.TestGraph;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@CareNetworkTest
class ExchangeDemoDataTests {

    @Autowired TestGraph graph;
    @Autowired ExchangeDemoData demo;
    @Autowired Neighbourhoods neighbourhoods;
    @Autowired MunicipalityOverlap overlap;
    @Autowired TransactionTemplate transaction;

    @BeforeEach
    void clear() {
        graph.clear();
    }

    @Test
    void shouldAddPlacesFromAFictionalPartnerDirectoryWithTheirSourceAndCredit() {
        neighbourhoods.save(List.of(Fixtures.square("D1")), overlap.calculator());
        DemoGraph base = new DemoGraph(List.of("D1"), List.of(), List.of(), List.of(), List.of(), new Random(1));

        transaction.executeWithoutResult(status -> demo.contribute(base));

        assertThat(graph.count("""
                MATCH (a:Actor {source: 'sociale-kaart-demo', demo: true, visibility: 'PUBLIC'})-[:LOCATED_IN]->(:Neighbourhood {code: 'D1'})
                WHERE a.id STARTS WITH 'sociale-kaart-demo:' AND a.name ENDS WITH '(demo)' RETURN count(a)""")).isEqualTo(5);
        assertThat(graph.count("MATCH (d:DataSource {name: 'sociale-kaart-demo'}) WHERE d.attribution CONTAINS 'fictional' RETURN count(d)")).isOne();
        assertThat(graph.count("MATCH (a:Actor:Offers_transport_appointments)-[:OFFERS]->(:HelpCategory {code: 'transport_appointments'}) RETURN count(a)")).isOne();
    }
}
