package be.carenetwork.meeting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import be.carenetwork.system.GeoPoint;
import be.carenetwork.system.NotFoundException;
import be.carenetwork.taxonomy.HelpCategories;
import be.carenetwork.taxonomy.HelpCategory;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;

/**
 * The health of a neighbourhood's care network, for the meeting facilitator: its meetings over time (attendance,
 * new acquaintances), problems and unmatched needs that recur, categories that hang on one actor or none, the
 * actors who bridge the network and those left out of it, and pairs worth introducing at the next meeting.
 * <p>
 * The network is the actors located in the neighbourhood plus those who attended its meetings, with KNOWS and
 * REFERS_TO among them (read undirected). Betweenness is computed here ({@link Betweenness}) on that subgraph:
 * exact while it costs at most {@link #BETWEENNESS_WORK} steps (a typical Brussels quarter, about 140 actors, is far
 * below), estimated from as many sampled sources as fit in it above.
 */
@Service
public class NetworkHealth {

    /**
     * How many links betweenness may follow: each source costs one walk over every link (both ways). About 90 ms
     * here; a network that would need more gets a sample of sources instead, at least {@link #MIN_SOURCES}.
     */
    static final long BETWEENNESS_WORK = 12_000_000;
    static final int MIN_SOURCES = 100;

    private final Neo4jClient neo4j;
    private final HelpCategories categories;
    private final MeetingProperties properties;

    NetworkHealth(Neo4jClient neo4j, HelpCategories categories, MeetingProperties properties) {
        this.neo4j = neo4j;
        this.categories = categories;
        this.properties = properties;
    }

    public record ActorNode(String id, String name, String kind) {
    }

    /**
     * @param newAcquaintances pairs of attendees who met for the first time there
     * @param strengthened pairs who knew each other already and met again there
     * @param acquaintancesSoFar KNOWS among the network's actors known by that date
     */
    public record MeetingPoint(String id, LocalDate date, String mode, String title, long attendees,
                               long newAcquaintances, long strengthened, long problems, long cases,
                               long acquaintancesSoFar) {
    }

    /**
     * A category that keeps coming back.
     *
     * @param meetingsRaised at how many of the neighbourhood's meetings a problem in it was raised
     * @param openNeeds needs in the category still OPEN in the neighbourhood
     * @param meetingsWhileOpen how many meetings were held since the oldest of those needs was registered
     * @param recurring raised at two meetings or more, or needs left open through two meetings or more
     */
    public record Issue(HelpCategory category, long meetingsRaised, @Nullable LocalDate lastRaised,
                        List<String> recentProblems, long openNeeds, @Nullable LocalDate oldestOpenNeed,
                        long meetingsWhileOpen, boolean recurring) {
    }

    /** A category offered by no actor, or only one, of the neighbourhood's network (located there or met there). */
    public record Fragile(HelpCategory category, List<ActorNode> actors) {
    }

    public record Bridge(ActorNode actor, double betweenness, int connections) {
    }

    /** Two actors who refer to the same actors but do not know each other. */
    public record Introduction(ActorNode first, ActorNode second, List<ActorNode> bothReferTo) {
    }

    /** @param local located in the neighbourhood (otherwise it came to a meeting from elsewhere) */
    public record Node(String id, String name, String kind, @Nullable GeoPoint location, boolean local,
                       int connections, double betweenness) {
    }

    /** @param type KNOWS or REFERS_TO (source refers to target) */
    public record Edge(String source, String target, String type, int strength, @Nullable LocalDate since) {
    }

    public record Report(String neighbourhood, String nameFr, String nameNl, List<MeetingPoint> meetings,
                         List<Issue> issues, List<Fragile> fragile, List<Bridge> bridges, List<ActorNode> isolated,
                         List<Introduction> introductions, List<Node> nodes, List<Edge> edges) {
    }

    public Report of(String code) {
        Value neighbourhood = neo4j.query("MATCH (n:Neighbourhood {code: $code}) RETURN n { .code, .nameFr, .nameNl } AS n")
                .bind(code).to("code").fetchAs(Value.class).mappedBy((t, r) -> r.get("n")).one()
                .orElseThrow(() -> new NotFoundException("neighbourhood", code));
        Map<String, HelpCategory> byCode = new LinkedHashMap<>();
        categories.all().forEach(c -> byCode.put(c.code(), c));

        Network network = network(code);
        List<MeetingPoint> meetings = meetings(code, network.edges());
        return new Report(code, neighbourhood.get("nameFr").asString(""), neighbourhood.get("nameNl").asString(""),
                meetings, issues(code, meetings, byCode), fragile(code, byCode), network.bridges(properties.bridges()),
                network.isolated(), network.introductions(), network.nodes(), network.edges());
    }

    private record Network(List<Node> nodes, List<Edge> edges, List<Introduction> introductions) {

        List<Bridge> bridges(int limit) {
            return nodes.stream().filter(n -> n.betweenness() > 0)
                    .sorted(Comparator.comparingDouble(Node::betweenness).reversed().thenComparing(Node::id))
                    .limit(limit)
                    .map(n -> new Bridge(new ActorNode(n.id(), n.name(), n.kind()), Math.round(n.betweenness() * 10_000) / 10_000.0, n.connections()))
                    .toList();
        }

        /** Actors of the neighbourhood connected to nobody in its network. */
        List<ActorNode> isolated() {
            return nodes.stream().filter(n -> n.local() && n.connections() == 0)
                    .sorted(Comparator.comparing(Node::name).thenComparing(Node::id))
                    .map(n -> new ActorNode(n.id(), n.name(), n.kind())).toList();
        }
    }

    private Network network(String code) {
        record Member(String id, String name, String kind, @Nullable GeoPoint location, boolean local,
                      List<Value> knows, List<Value> refersTo) {
        }
        List<Member> members = neo4j.query("""
                        MATCH (n:Neighbourhood {code: $code})
                        CALL (n) {
                          MATCH (a:Actor)-[:LOCATED_IN]->(n) RETURN a, 1 AS local
                          UNION ALL
                          MATCH (a:Actor)-[:ATTENDED]->(:CareMeeting)-[:HELD_IN]->(n) RETURN a, 0 AS local
                        }
                        WITH a, max(local) = 1 AS local
                        RETURN a.id AS id, a.name AS name, a.kind AS kind, a.location AS location, local,
                               COLLECT { MATCH (a)-[k:KNOWS]->(b:Actor) RETURN {to: b.id, strength: k.strength, since: k.since} } AS knows,
                               COLLECT { MATCH (a)-[r:REFERS_TO]->(b:Actor) RETURN {to: b.id, name: b.name, kind: b.kind} } AS refersTo""")
                .bind(code).to("code").fetchAs(Member.class)
                .mappedBy((t, r) -> new Member(r.get("id").asString(), r.get("name").asString(""), r.get("kind").asString(""),
                        r.get("location").isNull() ? null : GeoPoint.from(r.get("location")), r.get("local").asBoolean(),
                        r.get("knows").asList(v -> v), r.get("refersTo").asList(v -> v)))
                .all().stream().sorted(Comparator.comparing(Member::id)).toList();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < members.size(); i++) {
            index.put(members.get(i).id(), i);
        }
        List<Edge> edges = new ArrayList<>();
        List<Set<Integer>> neighbours = new ArrayList<>();
        members.forEach(m -> neighbours.add(new HashSet<>()));
        for (int i = 0; i < members.size(); i++) {
            Member member = members.get(i);
            for (Value k : member.knows()) {
                Integer j = index.get(k.get("to").asString());
                if (j != null && j != i) {
                    edges.add(new Edge(member.id(), k.get("to").asString(), "KNOWS", k.get("strength").asInt(0),
                            k.get("since").isNull() ? null : k.get("since").asLocalDate()));
                    neighbours.get(i).add(j);
                    neighbours.get(j).add(i);
                }
            }
            for (Value r : member.refersTo()) {
                Integer j = index.get(r.get("to").asString());
                if (j != null && j != i) {
                    edges.add(new Edge(member.id(), r.get("to").asString(), "REFERS_TO", 1, null));
                    neighbours.get(i).add(j);
                    neighbours.get(j).add(i);
                }
            }
        }
        int[][] adjacency = new int[members.size()][];
        for (int i = 0; i < members.size(); i++) {
            adjacency[i] = neighbours.get(i).stream().mapToInt(Integer::intValue).sorted().toArray();
        }
        double[] betweenness = Betweenness.of(adjacency, sources(adjacency));
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            Member m = members.get(i);
            nodes.add(new Node(m.id(), m.name(), m.kind(), m.location(), m.local(), adjacency[i].length, betweenness[i]));
        }
        return new Network(nodes, edges, introductions(members.stream()
                .map(m -> new Referrer(new ActorNode(m.id(), m.name(), m.kind()), m.local(), m.refersTo())).toList(), edges));
    }

    /** As many sources as fit in {@link #BETWEENNESS_WORK}: all of them (exact) for any usual neighbourhood. */
    static int sources(int[][] adjacency) {
        long links = Math.max(1, Arrays.stream(adjacency).mapToLong(neighbours -> neighbours.length).sum());
        return (int) Math.min(adjacency.length, Math.max(MIN_SOURCES, BETWEENNESS_WORK / links));
    }

    private List<MeetingPoint> meetings(String code, List<Edge> edges) {
        List<MeetingPoint> points = neo4j.query("""
                        MATCH (:Neighbourhood {code: $code})<-[:HELD_IN]-(m:CareMeeting)
                        RETURN m.id AS id, m.date AS date, m.mode AS mode, m.title AS title,
                               COUNT { (:Actor)-[:ATTENDED]->(m) } AS attendees,
                               COUNT { MATCH (x:Actor)-[:ATTENDED]->(m) MATCH (x)-[k:KNOWS]->(:Actor)
                                       WHERE m.id IN coalesce(k.meetings, []) AND k.since = m.date } AS newAcquaintances,
                               COUNT { MATCH (x:Actor)-[:ATTENDED]->(m) MATCH (x)-[k:KNOWS]->(:Actor)
                                       WHERE m.id IN coalesce(k.meetings, []) AND k.since < m.date } AS strengthened,
                               COUNT { (:MeetingProblem)-[:RAISED_AT]->(m) } AS problems,
                               COUNT { (:MeetingCase)-[:DISCUSSED_AT]->(m) } AS cases
                        ORDER BY date, id""")
                .bind(code).to("code").fetchAs(MeetingPoint.class)
                .mappedBy((t, r) -> new MeetingPoint(r.get("id").asString(), r.get("date").asLocalDate(),
                        r.get("mode").asString(""), r.get("title").asString(""), r.get("attendees").asLong(),
                        r.get("newAcquaintances").asLong(), r.get("strengthened").asLong(), r.get("problems").asLong(),
                        r.get("cases").asLong(), 0))
                .all().stream().toList();
        List<LocalDate> since = edges.stream().filter(e -> e.type().equals("KNOWS") && e.since() != null).map(Edge::since).toList();
        return points.stream().map(p -> new MeetingPoint(p.id(), p.date(), p.mode(), p.title(), p.attendees(),
                p.newAcquaintances(), p.strengthened(), p.problems(), p.cases(),
                since.stream().filter(d -> !d.isAfter(p.date())).count())).toList();
    }

    private List<Issue> issues(String code, List<MeetingPoint> meetings, Map<String, HelpCategory> byCode) {
        record Raised(long meetings, LocalDate last, List<String> recent) {
        }
        record Open(long needs, LocalDate oldest) {
        }
        Map<String, Raised> raised = new HashMap<>();
        neo4j.query("""
                        MATCH (:Neighbourhood {code: $code})<-[:HELD_IN]-(m:CareMeeting)<-[:RAISED_AT]-(p:MeetingProblem)-[:ABOUT]->(c:HelpCategory)
                        WITH c, m, p ORDER BY m.date DESC, p.createdAt DESC
                        RETURN c.code AS code, count(DISTINCT m) AS meetings, max(m.date) AS last, collect(DISTINCT p.description)[0..3] AS recent""")
                .bind(code).to("code").fetch().all()
                .forEach(row -> raised.put((String) row.get("code"), new Raised((Long) row.get("meetings"),
                        (LocalDate) row.get("last"), ((List<?>) row.get("recent")).stream().map(String::valueOf).toList())));
        Map<String, Open> open = new HashMap<>();
        neo4j.query("""
                        MATCH (:Neighbourhood {code: $code})<-[:LOCATED_IN]-(need:Need {status: 'OPEN'})-[:FOR]->(c:HelpCategory)
                        RETURN c.code AS code, count(need) AS needs, min(need.createdAt) AS oldest""")
                .bind(code).to("code").fetchAs(Map.class)
                .mappedBy((t, r) -> Map.of("code", r.get("code").asString(), "open",
                        new Open(r.get("needs").asLong(), r.get("oldest").asZonedDateTime().toLocalDate())))
                .all().forEach(m -> open.put((String) m.get("code"), (Open) m.get("open")));
        Set<String> codes = new HashSet<>(raised.keySet());
        codes.addAll(open.keySet());
        List<Issue> issues = new ArrayList<>();
        for (String category : codes) {
            HelpCategory c = byCode.get(category);
            if (c == null) {
                continue;
            }
            Raised r = raised.get(category);
            Open o = open.get(category);
            long whileOpen = o == null ? 0 : meetings.stream().filter(m -> !m.date().isBefore(o.oldest())).count();
            long raisedAt = r == null ? 0 : r.meetings();
            issues.add(new Issue(c, raisedAt, r == null ? null : r.last(), r == null ? List.of() : r.recent(),
                    o == null ? 0 : o.needs(), o == null ? null : o.oldest(), whileOpen, raisedAt >= 2 || whileOpen >= 2));
        }
        issues.sort(Comparator.comparing((Issue i) -> !i.recurring())
                .thenComparing(Comparator.comparingLong((Issue i) -> i.meetingsRaised() + i.meetingsWhileOpen()).reversed())
                .thenComparing(Comparator.comparingLong(Issue::meetingsRaised).reversed())
                .thenComparing(i -> i.category().code()));
        return issues;
    }

    private List<Fragile> fragile(String code, Map<String, HelpCategory> byCode) {
        Map<String, List<ActorNode>> offering = new HashMap<>();
        neo4j.query("""
                        MATCH (n:Neighbourhood {code: $code})
                        CALL (n) {
                          MATCH (a:Actor)-[:LOCATED_IN]->(n) RETURN a
                          UNION
                          MATCH (a:Actor)-[:ATTENDED]->(:CareMeeting)-[:HELD_IN]->(n) RETURN a
                        }
                        MATCH (a)-[:OFFERS]->(c:HelpCategory)
                        WITH c, a ORDER BY a.name, a.id
                        RETURN c.code AS code, collect(DISTINCT a { .id, .name, .kind })[0..$over] AS actors""")
                .bindAll(Map.of("code", code, "over", properties.fragileAtMost() + 1)).fetch().all()
                .forEach(row -> offering.put((String) row.get("code"), ((List<?>) row.get("actors")).stream()
                        .map(a -> (Map<?, ?>) a)
                        .map(a -> new ActorNode(String.valueOf(a.get("id")), String.valueOf(a.get("name")), String.valueOf(a.get("kind"))))
                        .toList()));
        // Only the narrower categories: the broad ones (health care, social support...) are headings.
        return byCode.values().stream().filter(c -> c.broader() != null)
                .filter(c -> offering.getOrDefault(c.code(), List.of()).size() <= properties.fragileAtMost())
                .map(c -> new Fragile(c, offering.getOrDefault(c.code(), List.of())))
                .sorted(Comparator.comparingInt((Fragile f) -> f.actors().size()).thenComparing(f -> f.category().code()))
                .toList();
    }

    private record Referrer(ActorNode actor, boolean local, List<Value> refersTo) {
    }

    /**
     * Pairs of the neighbourhood's actors who refer to the same actors but do not know each other, most shared
     * first. Worked out here from the network already read: a query pairing every two referrers of a popular
     * actor and checking KNOWS for each pair cost more than the rest of the report on a large neighbourhood.
     */
    private List<Introduction> introductions(List<Referrer> referrers, List<Edge> edges) {
        Set<String> acquainted = new HashSet<>();
        edges.stream().filter(e -> e.type().equals("KNOWS"))
                .forEach(e -> acquainted.add(pairKey(e.source(), e.target())));
        Map<String, List<ActorNode>> byTarget = new HashMap<>();
        Map<String, ActorNode> targets = new HashMap<>();
        for (Referrer referrer : referrers) {
            if (!referrer.local()) {
                continue;
            }
            for (Value link : referrer.refersTo()) {
                String to = link.get("to").asString();
                targets.putIfAbsent(to, new ActorNode(to, link.get("name").asString(""), link.get("kind").asString("")));
                byTarget.computeIfAbsent(to, t -> new ArrayList<>()).add(referrer.actor());
            }
        }
        Map<String, List<ActorNode>> shared = new HashMap<>();
        Map<String, ActorNode[]> pairs = new HashMap<>();
        for (Map.Entry<String, List<ActorNode>> entry : byTarget.entrySet()) {
            List<ActorNode> list = entry.getValue();
            for (int i = 0; i < list.size(); i++) {
                for (int j = i + 1; j < list.size(); j++) {
                    ActorNode first = list.get(i).id().compareTo(list.get(j).id()) < 0 ? list.get(i) : list.get(j);
                    ActorNode second = first == list.get(i) ? list.get(j) : list.get(i);
                    String key = pairKey(first.id(), second.id());
                    if (first.id().equals(second.id()) || acquainted.contains(key)) {
                        continue;
                    }
                    pairs.putIfAbsent(key, new ActorNode[]{first, second});
                    shared.computeIfAbsent(key, k -> new ArrayList<>()).add(targets.get(entry.getKey()));
                }
            }
        }
        return shared.entrySet().stream()
                .map(e -> new Introduction(pairs.get(e.getKey())[0], pairs.get(e.getKey())[1],
                        e.getValue().stream().sorted(Comparator.comparing(ActorNode::name).thenComparing(ActorNode::id)).toList()))
                .sorted(Comparator.comparingInt((Introduction i) -> i.bothReferTo().size()).reversed()
                        .thenComparing(i -> i.first().name()).thenComparing(i -> i.second().name())
                        .thenComparing(i -> i.first().id()).thenComparing(i -> i.second().id()))
                .limit(properties.introductions())
                .toList();
    }

    private static String pairKey(String a, String b) {
        return a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a;
    }
}
