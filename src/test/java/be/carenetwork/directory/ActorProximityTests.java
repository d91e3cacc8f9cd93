package be.carenetwork.directory;

import java.util.List;

import be.carenetwork.neighbourhood.MunicipalityOverlap;
import be.carenetwork.neighbourhood.Neighbourhoods;
import be.carenetwork.support.CareNetworkTest;
import be.carenetwork.support.TestGraph;
import be.carenetwork.system.BadInputException;
import be.carenetwork.system.GeoPoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static be.carenetwork.support.Fixtures.LAT;
import static be.carenetwork.support.Fixtures.LON;
import static be.carenetwork.support.Fixtures.actor;
import static be.carenetwork.support.Fixtures.north;
import static be.carenetwork.support.Fixtures.square;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

@CareNetworkTest
class ActorProximityTests {

    @Autowired TestGraph graph;
    @Autowired Actors actors;
    @Autowired Capacities capacities;
    @Autowired Neighbourhoods neighbourhoods;
    @Autowired MunicipalityOverlap overlap;

    String near;
    String far;
    String privateOne;

    @BeforeEach
    void fixture() {
        graph.clear();
        neighbourhoods.save(List.of(square("T1")), overlap.calculator());
        near = actors.create(actor("Near pharmacy", ActorKind.ORGANISATION, north(200), LON, Visibility.PUBLIC, List.of("fr"))).id();
        far = actors.create(actor("Far pharmacy", ActorKind.ORGANISATION, north(700), LON, Visibility.PUBLIC, List.of("nl"))).id();
        privateOne = actors.create(actor("Neighbour", ActorKind.NEIGHBOUR, north(100), LON, Visibility.PRIVATE, List.of("fr"))).id();
        capacities.offer(near, new Capacities.CapacityData("pharmacy", 2000, null, 5, null));
        capacities.offer(far, new Capacities.CapacityData("pharmacy", 2000, null, 5, null));
        capacities.offer(privateOne, new Capacities.CapacityData("shopping", 500, null, 2, null));
    }

    @Test
    void shouldOrderByDistanceAndGiveTheDistanceInMetres() {
        var found = actors.nearby(new GeoPoint(LAT, LON), 1000, "pharmacy", null, 20, true);

        assertThat(found).extracting(n -> n.actor().id()).containsExactly(near, far);
        assertThat(found.get(0).distanceMetres()).isCloseTo(200, within(2L));
        assertThat(found.get(1).distanceMetres()).isCloseTo(700, within(2L));
    }

    @Test
    void shouldLeaveOutWhatIsBeyondTheDistance() {
        var found = actors.nearby(new GeoPoint(LAT, LON), 500, "pharmacy", null, 20, true);

        assertThat(found).extracting(n -> n.actor().id()).containsExactly(near);
    }

    @Test
    void shouldFilterByLanguage() {
        var found = actors.nearby(new GeoPoint(LAT, LON), 1000, "pharmacy", "nl", 20, true);

        assertThat(found).extracting(n -> n.actor().id()).containsExactly(far);
    }

    @Test
    void shouldHidePrivateActorsFromAnonymousReaders() {
        assertThat(actors.nearby(new GeoPoint(LAT, LON), 1000, null, null, 20, false))
                .extracting(n -> n.actor().id()).containsExactly(near, far);
        assertThat(actors.nearby(new GeoPoint(LAT, LON), 1000, null, null, 20, true))
                .extracting(n -> n.actor().id()).containsExactly(privateOne, near, far);
    }

    @Test
    void shouldDropTheCategoryLabelWhenTheLastCapacityIsWithdrawn() {
        String capacity = capacities.ofOwner(near).getFirst().id();

        capacities.withdraw(capacity);

        assertThat(graph.count("MATCH (a:Actor:Offers_pharmacy {id: $id}) RETURN count(a)", java.util.Map.of("id", near))).isZero();
        assertThat(actors.nearby(new GeoPoint(LAT, LON), 1000, "pharmacy", null, 20, true))
                .extracting(n -> n.actor().id()).containsExactly(far);
    }

    @Test
    void shouldPlaceActorsInTheirNeighbourhood() {
        assertThat(actors.get(near, true).neighbourhood()).isEqualTo("T1");
        String outside = actors.create(actor("Outside", ActorKind.SHOP, 51.2, 4.4, Visibility.PUBLIC, List.of())).id();
        assertThat(actors.get(outside, true).neighbourhood()).isNull();
    }

    @Test
    void shouldRefuseAnUnknownCategoryAndATooLargeDistance() {
        assertThatThrownBy(() -> actors.nearby(new GeoPoint(LAT, LON), 1000, "no_such_thing", null, 20, true))
                .isInstanceOf(BadInputException.class).hasMessageContaining("no_such_thing");
        assertThatThrownBy(() -> actors.nearby(new GeoPoint(LAT, LON), 60_000, null, null, 20, true))
                .isInstanceOf(BadInputException.class).extracting("field").isEqualTo("distance");
    }
}
