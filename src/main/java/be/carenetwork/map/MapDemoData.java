package be.carenetwork.map;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import be.carenetwork.demo.DemoDataContributor;
import be.carenetwork.demo.DemoGraph;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * What the meeting mode and the popups show in the demo: two fictional care meetings in the first demo neighbourhood
 * (one on the day the demo is loaded, one three months before), who attended, who came to know whom at the first,
 * and a few referrals. Written only when no other feature has recorded meetings or referrals, so the meetings
 * feature's own demo takes precedence.
 */
@Component
class MapDemoData implements DemoDataContributor {

    private final Neo4jClient neo4j;

    MapDemoData(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    @Override
    public void contribute(DemoGraph graph) {
        String neighbourhood = graph.neighbourhoodCodes().getFirst();
        LocalDate today = LocalDate.now(ActorFeatures.BRUSSELS);
        neo4j.query("""
                        MATCH (n:Neighbourhood {code: $code})
                        WHERE NOT EXISTS { MATCH (:CareMeeting) }
                        CREATE (earlier:CareMeeting {id: $earlierId, date: $earlierDate, mode: 'IN_PERSON', demo: true,
                                                     title: 'Concertation de quartier / Buurtoverleg (demo)'})-[:HELD_IN]->(n)
                        CREATE (now:CareMeeting {id: $todayId, date: $today, mode: 'IN_PERSON', demo: true,
                                                 title: 'Concertation de quartier / Buurtoverleg (demo)'})-[:HELD_IN]->(n)
                        WITH n, earlier, now
                        CALL (n, earlier, now) {
                          MATCH (n)<-[:LOCATED_IN]-(a:Actor {formal: true, visibility: 'PUBLIC'})
                          WITH a ORDER BY a.id
                          WITH collect(a) AS local
                          FOREACH (a IN local[0..6] | CREATE (a)-[:ATTENDED {sharesContact: true}]->(earlier))
                          FOREACH (a IN local[2..10] | CREATE (a)-[:ATTENDED {sharesContact: true}]->(now))
                          WITH local[0..6] AS met
                          UNWIND met AS a
                          UNWIND met AS b
                          WITH a, b WHERE a.id < b.id
                          CREATE (a)-[:KNOWS {since: $earlierDate, strength: 1, meetings: [$earlierId]}]->(b)
                        }
                        RETURN count(*)""")
                .bindAll(Map.of("code", neighbourhood, "earlierId", id(graph), "todayId", id(graph),
                        "earlierDate", today.minusMonths(3), "today", today))
                .run();
        neo4j.query("""
                        WITH true AS go WHERE NOT EXISTS { MATCH ()-[:REFERS_TO]->() }
                        MATCH (point:ReferralPoint {demo: true}) WITH point ORDER BY point.name LIMIT 1
                        MATCH (target:Actor {demo: true, visibility: 'PUBLIC'})-[:OFFERS]->(c:HelpCategory)
                        WHERE c.code IN ['general_social_work', 'mental_health', 'informal_carer_support', 'language_help']
                        WITH point, target, collect(c.code) AS categories
                        CREATE (point)-[:REFERS_TO {categories: categories, since: date() - duration('P1Y')}]->(target)
                        RETURN count(*)""")
                .run();
    }

    private static String id(DemoGraph graph) {
        return new UUID(graph.random().nextLong(), graph.random().nextLong()).toString();
    }
}
