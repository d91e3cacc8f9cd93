package be.carenetwork.analyst;

import java.util.List;
import java.util.Map;

import be.carenetwork.support.CareNetworkTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the library queries answer on a small network whose answers are known: referrals between sectors, bridges,
 * isolated actors, meetings, opening hours, gaps, languages, after care. Run as analysts run them, on the analyst graph.
 */
@CareNetworkTest
@Import(AnalystFixture.class)
class LibraryQueryResultsTests {

    @Autowired AnalystFixture fixture;
    @Autowired AnalystQueries queries;

    @BeforeEach
    void fixture() {
        fixture.load();
    }

    private List<Map<String, @Nullable Object>> run(String name, Map<String, ?> parameters) {
        var answer = AnalystQueries.answer(queries.library("test", name, parameters,
                queries.limits(null, null, false, false)), 10_000);
        return answer.rows().stream().map(row -> {
            Map<String, @Nullable Object> byColumn = new java.util.LinkedHashMap<>();
            for (int i = 0; i < row.size(); i++) {
                byColumn.put(answer.columns().get(i), row.get(i));
            }
            return byColumn;
        }).toList();
    }

    @Test
    void shouldCountReferralFlowsFromSectorToSector() {
        assertThat(run("referral_flows_between_sectors", Map.of()))
                .extracting(row -> row.get("flow") + "=" + row.get("referrals"))
                .containsExactlyInAnyOrder("HEALTH -> SOCIAL=1", "SOCIAL -> HEALTH=1", "SOCIAL -> SOCIAL=1",
                        "INFORMAL -> HEALTH=1");
    }

    @Test
    void shouldCountReferralsByTheCategoryTheyAreFor() {
        assertThat(run("referrals_by_category_sector", Map.of()))
                .extracting(row -> row.get("category") + ":" + row.get("referrals") + ":" + row.get("fromInformal"))
                .containsExactly("paperwork:2:0", "general_practice:1:1", "home_nursing:1:0");
    }

    @Test
    void shouldFindTheBridgesBetweenActorsWhoDoNotKnowEachOther() {
        var bridges = run("bridging_actors", Map.of());

        assertThat(bridges).extracting(row -> row.get("name") + ":" + row.get("contacts") + ":" + row.get("unlinkedPairs"))
                .containsExactly("CPAS Fixture:3:3", "Dr Fixture, GP:3:3");
    }

    @Test
    void shouldListFormalActorsLinkedToNobody() {
        assertThat(run("isolated_actors", Map.of())).extracting(row -> row.get("name")).containsExactly("École Fixture");
        assertThat(run("network_by_neighbourhood", Map.of())).singleElement().satisfies(row -> {
            assertThat(row.get("actors")).isEqualTo(7L);
            assertThat(row.get("linkedActors")).isEqualTo(6L);
            assertThat(row.get("isolatedActors")).isEqualTo(1L);
            assertThat(row.get("links")).isEqualTo(7L);
        });
    }

    @Test
    void shouldCountMeetingAttendanceAndNewcomersPerQuarter() {
        assertThat(run("meeting_attendance_over_time", Map.of()))
                .extracting(row -> row.get("quarter") + ":" + row.get("meetings") + ":" + row.get("attendances") + ":"
                        + row.get("firstTimeAttendees"))
                .containsExactly("2026-Q1:1:3:3", "2026-Q2:1:3:1");
        assertThat(run("new_acquaintances_per_quarter", Map.of()))
                .extracting(row -> row.get("quarter") + ":" + row.get("newLinks"))
                .containsExactly("2026-Q1:2", "2026-Q2:1");
    }

    @Test
    void shouldListActorsClosedOnWeekdayEveningsOrWeekends() {
        assertThat(run("evenings_weekends_uncovered_actors", Map.of()))
                .extracting(row -> row.get("name") + ":" + row.get("openWeekdayEvenings") + ":" + row.get("openWeekends"))
                .containsExactlyInAnyOrder("Pharmacie Fixture:false:false", "CPAS Fixture:false:false",
                        "Point info Fixture:false:false", "École Fixture:false:false");
        assertThat(run("evenings_weekends_gaps_by_category", Map.of()))
                .filteredOn(row -> row.get("category").equals("general_practice")).singleElement()
                .satisfies(row -> {
                    assertThat(row.get("openWeekdayEvenings")).isEqualTo(1L);
                    assertThat(row.get("weekendsUncovered")).isEqualTo(false);
                });
    }

    @Test
    void shouldFindNeedsNobodyCanHelpWithOnFoot() {
        assertThat(run("needs_without_capacity_nearby", Map.of()))
                .extracting(row -> row.get("category") + ":" + row.get("needsWithoutCapacity") + ":" + row.get("gap"))
                .containsExactly("respite_care:null:true");
    }

    @Test
    void shouldShowLanguagesThatNobodyNearbySpeaks() {
        assertThat(run("language_coverage", Map.of()))
                .extracting(row -> row.get("language") + ":" + row.get("openNeeds") + ":" + row.get("covered"))
                .containsExactly("tr:null:false", "nl:5:true");
    }

    @Test
    void shouldCountOverdueAfterCareWithoutShowingGroupsOfFewerThanFive() {
        assertThat(run("aftercare_overdue", Map.of("today", "2026-02-01")))
                .extracting(row -> row.get("category") + ":" + row.get("overdue") + ":" + row.get("mostDaysLate"))
                .containsExactly("respite_care:null:17");
        assertThat(run("aftercare_overdue", Map.of("today", "2026-01-10"))).isEmpty();
    }

    @Test
    void shouldSuppressCountsOfOneToFourResidentsOrNeeds() {
        var coverage = run("coverage_by_neighbourhood_and_category", Map.of());

        assertThat(coverage).filteredOn(row -> row.get("category").equals("shopping")).singleElement()
                .satisfies(row -> assertThat(row.get("residents")).isEqualTo(5L));
        assertThat(coverage).filteredOn(row -> row.get("category").equals("company_visits")).singleElement()
                .satisfies(row -> assertThat(row.get("residents")).isNull());
        assertThat(coverage).filteredOn(row -> row.get("category").equals("paperwork")).singleElement()
                .satisfies(row -> assertThat(row.get("openNeeds")).isEqualTo(5L));
        assertThat(coverage).filteredOn(row -> row.get("category").equals("respite_care")).singleElement()
                .satisfies(row -> {
                    assertThat(row.get("openNeeds")).isNull();
                    assertThat(row.get("actors")).isEqualTo(0L);
                });
    }

    @Test
    void shouldShowWhatReferralPointsDo() {
        assertThat(run("referral_points_activity", Map.of())).singleElement().satisfies(row -> {
            assertThat(row.get("name")).isEqualTo("Point info Fixture");
            assertThat(row.get("needsRegistered")).isEqualTo(5L);
            assertThat(row.get("actorsReferredTo")).isEqualTo(1L);
            assertThat(row.get("categoriesReferred")).isEqualTo(List.of("paperwork"));
        });
    }

    @Test
    void shouldCountNeedsByStatusAndResidentsByNeighbourhood() {
        assertThat(run("needs_by_status_and_neighbourhood", Map.of())).singleElement()
                .satisfies(row -> assertThat(row.get("open")).isEqualTo(6L));
        assertThat(run("residents_capacities_needs_by_neighbourhood", Map.of())).singleElement().satisfies(row -> {
            assertThat(row.get("residents")).isEqualTo(6L);
            assertThat(row.get("residentsOffering")).isEqualTo(6L);
            assertThat(row.get("openNeeds")).isEqualTo(6L);
            assertThat(row.get("openNeedsPer100Residents")).isEqualTo(100.0);
        });
    }

    @Test
    void shouldCompareDemandAndSupplyAndAccessByCategory() {
        assertThat(run("demand_and_supply_by_category", Map.of("sector", "SOCIAL")))
                .filteredOn(row -> row.get("category").equals("paperwork")).singleElement().satisfies(row -> {
                    assertThat(row.get("openNeeds")).isEqualTo(5L);
                    assertThat(row.get("actorsOffering")).isEqualTo(1L);
                    assertThat(row.get("residentsOffering")).isEqualTo(0L);
                    assertThat(row.get("openNeedsPerOffer")).isEqualTo(5.0);
                });
        assertThat(run("wheelchair_access_by_category", Map.of()))
                .allSatisfy(row -> assertThat(row.get("accessibleShare")).isEqualTo(1.0));
        assertThat(run("match_outcomes_by_category", Map.of())).singleElement()
                .satisfies(row -> assertThat(row.get("matches")).isNull());
        assertThat(run("recurring_needs_per_quarter", Map.of("minQuarters", 1, "since", "2020-01-01")))
                .extracting(row -> row.get("category") + ":" + row.get("needs"))
                .containsExactlyInAnyOrder("paperwork:5", "respite_care:null");
    }
}
