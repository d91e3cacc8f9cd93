package be.carenetwork.meeting;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import be.carenetwork.system.BadInputException;
import be.carenetwork.system.NotFoundException;
import be.carenetwork.system.Page;
import be.carenetwork.taxonomy.HelpCategories;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Care meetings: {@code (:CareMeeting {id, date, mode, title})-[:HELD_IN]->(:Neighbourhood)},
 * {@code (:Actor)-[:ATTENDED {sharesContact}]->(:CareMeeting)}, anonymised cases
 * {@code (:MeetingCase)-[:DISCUSSED_AT]->(:CareMeeting)} and problems {@code (:MeetingProblem)-[:RAISED_AT]->(:CareMeeting)},
 * both {@code -[:ABOUT]->(:HelpCategory)}. Attending makes everyone present know each other ({@link Acquaintances}).
 */
@Service
public class CareMeetings {

    private static final String MEETING_MAP = """
            m { .id, .date, .mode, .title,
                neighbourhood: [(m)-[:HELD_IN]->(n:Neighbourhood) | n.code][0],
                attendees: COLLECT { MATCH (a:Actor)-[at:ATTENDED]->(m)
                                     RETURN {id: a.id, name: a.name, kind: a.kind, sharesContact: coalesce(at.sharesContact, false)}
                                     ORDER BY a.name, a.id },
                cases: COLLECT { MATCH (c:MeetingCase)-[:DISCUSSED_AT]->(m)
                                 WITH c ORDER BY c.createdAt, c.id
                                 RETURN c { .id, .situation, .tried, .localSolution,
                                            categories: [(c)-[:ABOUT]->(h:HelpCategory) | h.code] } },
                problems: COLLECT { MATCH (p:MeetingProblem)-[:RAISED_AT]->(m)
                                    WITH p ORDER BY p.createdAt, p.id
                                    RETURN p { .id, .description,
                                               categories: [(p)-[:ABOUT]->(h:HelpCategory) | h.code] } } }""";

    private final Neo4jClient neo4j;
    private final Acquaintances acquaintances;
    private final HelpCategories categories;

    CareMeetings(Neo4jClient neo4j, Acquaintances acquaintances, HelpCategories categories) {
        this.neo4j = neo4j;
        this.acquaintances = acquaintances;
        this.categories = categories;
    }

    public record MeetingData(String neighbourhood, LocalDate date, MeetingMode mode, String title) {
    }

    public record CaseData(List<String> categories, String situation, @Nullable String tried,
                           @Nullable String localSolution) {
    }

    public record ProblemData(List<String> categories, String description) {
    }

    /** Contact details of an attendee, for the other attendees who agreed to exchange them. */
    public record Contact(String actorId, String name, String kind, @Nullable String phone, @Nullable String email,
                          @Nullable String website) {
    }

    @Transactional
    public CareMeeting create(MeetingData data) {
        return create(UUID.randomUUID().toString(), data, false);
    }

    CareMeeting create(String id, MeetingData data, boolean demo) {
        AnonymousText.check("title", data.title());
        Map<String, Object> params = new HashMap<>();
        params.put("id", id);
        params.put("neighbourhood", data.neighbourhood());
        params.put("date", data.date());
        params.put("mode", data.mode().name());
        params.put("title", data.title());
        params.put("demo", demo);
        long created = neo4j.query("""
                        MATCH (n:Neighbourhood {code: $neighbourhood})
                        CREATE (m:CareMeeting {id: $id, date: $date, mode: $mode, title: $title, demo: $demo})-[:HELD_IN]->(n)
                        RETURN count(m)""")
                .bindAll(params).fetchAs(Long.class).one().orElse(0L);
        if (created == 0) {
            throw new BadInputException("neighbourhood", "there is no neighbourhood with code '" + data.neighbourhood() + "'");
        }
        return get(id);
    }

    /** Changes date, mode and title (the neighbourhood stays). A new date moves the "since" of what it made. */
    @Transactional
    public CareMeeting update(String id, LocalDate date, MeetingMode mode, String title) {
        get(id);
        AnonymousText.check("title", title);
        neo4j.query("MATCH (m:CareMeeting {id: $id}) SET m.date = $date, m.mode = $mode, m.title = $title")
                .bindAll(Map.of("id", id, "date", date, "mode", mode.name(), "title", title)).run();
        // Recompute "since" on the acquaintances this meeting is part of.
        neo4j.query("""
                        MATCH (a:Actor)-[:ATTENDED]->(m:CareMeeting {id: $id})
                        MATCH (a)-[k:KNOWS]->(:Actor)
                        WHERE $id IN coalesce(k.meetings, [])
                        WITH DISTINCT k
                        WITH k, COLLECT { MATCH (x:CareMeeting) WHERE x.id IN k.meetings RETURN x.date ORDER BY x.date LIMIT 1 }[0] AS firstMet
                        SET k.since = CASE WHEN k.declaredOn IS NOT NULL AND k.declaredOn < firstMet THEN k.declaredOn ELSE firstMet END""")
                .bind(id).to("id").run();
        return get(id);
    }

    @Transactional
    public void delete(String id) {
        CareMeeting meeting = get(id);
        meeting.attendees().forEach(a -> leave(id, a.actorId()));
        neo4j.query("""
                        MATCH (m:CareMeeting {id: $id})
                        OPTIONAL MATCH (note)-[:DISCUSSED_AT|RAISED_AT]->(m)
                        DETACH DELETE note, m""")
                .bind(id).to("id").run();
    }

    public CareMeeting get(String id) {
        return neo4j.query("MATCH (m:CareMeeting {id: $id}) RETURN " + MEETING_MAP + " AS m")
                .bind(id).to("id").fetchAs(CareMeeting.class).mappedBy((t, r) -> map(r.get("m")))
                .one().orElseThrow(() -> new NotFoundException("care meeting", id));
    }

    /** Meetings, newest first, of one neighbourhood or all. */
    public Page<CareMeeting> list(@Nullable String neighbourhood, int page, int size) {
        Page.check(page, size);
        Map<String, Object> params = new HashMap<>();
        params.put("neighbourhood", neighbourhood);
        params.put("skip", (long) page * size);
        params.put("limit", size);
        String match = """
                MATCH (m:CareMeeting)-[:HELD_IN]->(n:Neighbourhood)
                WHERE $neighbourhood IS NULL OR n.code = $neighbourhood
                """;
        List<CareMeeting> items = neo4j.query(match + "WITH m ORDER BY m.date DESC, m.id SKIP $skip LIMIT $limit RETURN " + MEETING_MAP + " AS m")
                .bindAll(params).fetchAs(CareMeeting.class).mappedBy((t, r) -> map(r.get("m"))).all().stream().toList();
        long total = neo4j.query(match + "RETURN count(m)").bindAll(params).fetchAs(Long.class).one().orElse(0L);
        return new Page<>(items, page, size, total);
    }

    /**
     * Records that an actor attended (or changes whether it shares its contact details); everyone present then
     * knows it, the meeting being the source.
     */
    @Transactional
    public CareMeeting attend(String meetingId, String actorId, boolean sharesContact) {
        // Writing the meeting first locks it, so two attendees added at once both see each other.
        long found = neo4j.query("""
                        MATCH (m:CareMeeting {id: $meeting})
                        SET m.attendanceChangedAt = datetime()
                        WITH m
                        MATCH (a:Actor {id: $actor})
                        MERGE (a)-[at:ATTENDED]->(m)
                        SET at.sharesContact = $shares
                        RETURN count(at)""")
                .bindAll(Map.of("meeting", meetingId, "actor", actorId, "shares", sharesContact))
                .fetchAs(Long.class).one().orElse(0L);
        if (found == 0) {
            get(meetingId);
            throw new NotFoundException("actor", actorId);
        }
        acquaintances.meetAtMeeting(meetingId, actorId);
        return get(meetingId);
    }

    /** Takes an attendee off the meeting, and back what the meeting added to who knows whom. */
    @Transactional
    public CareMeeting leave(String meetingId, String actorId) {
        long attended = neo4j.query("""
                        MATCH (:Actor {id: $actor})-[at:ATTENDED]->(m:CareMeeting {id: $meeting})
                        SET m.attendanceChangedAt = datetime()
                        RETURN count(at)""")
                .bindAll(Map.of("meeting", meetingId, "actor", actorId)).fetchAs(Long.class).one().orElse(0L);
        if (attended == 0) {
            get(meetingId);
            throw new NotFoundException("attendee", actorId);
        }
        acquaintances.unmeetAtMeeting(meetingId, actorId);
        neo4j.query("MATCH (:Actor {id: $actor})-[at:ATTENDED]->(:CareMeeting {id: $meeting}) DELETE at")
                .bindAll(Map.of("meeting", meetingId, "actor", actorId)).run();
        return get(meetingId);
    }

    /**
     * The contact details exchanged at the meeting, as {@code actorId} may see them: only when it attended and
     * agreed to exchange, and only those of the other attendees who agreed too.
     */
    public List<Contact> contacts(String meetingId, String actorId) {
        CareMeeting meeting = get(meetingId);
        CareMeeting.Attendee self = meeting.attendees().stream().filter(a -> a.actorId().equals(actorId)).findFirst()
                .orElseThrow(() -> new AccessDeniedException("Actor " + actorId + " did not attend this meeting: contact details are exchanged only between attendees"));
        if (!self.sharesContact()) {
            throw new AccessDeniedException("Actor " + actorId + " did not agree to exchange contact details at this meeting, so it sees none");
        }
        return neo4j.query("""
                        MATCH (a:Actor)-[at:ATTENDED]->(:CareMeeting {id: $meeting})
                        WHERE at.sharesContact AND a.id <> $actor
                        RETURN a.id AS id, a.name AS name, a.kind AS kind, a.phone AS phone, a.email AS email, a.website AS website
                        ORDER BY a.name, a.id""")
                .bindAll(Map.of("meeting", meetingId, "actor", actorId)).fetchAs(Contact.class)
                .mappedBy((t, r) -> new Contact(r.get("id").asString(), r.get("name").asString(""), r.get("kind").asString(""),
                        text(r.get("phone")), text(r.get("email")), text(r.get("website"))))
                .all().stream().toList();
    }

    /** Records an anonymised complex case; text carrying an identifier is refused, naming the field. */
    @Transactional
    public CareMeeting.MeetingCase addCase(String meetingId, CaseData data) {
        AnonymousText.check("situation", data.situation());
        AnonymousText.check("tried", data.tried());
        AnonymousText.check("localSolution", data.localSolution());
        categories.requireKnown("categories", data.categories());
        get(meetingId);
        String id = UUID.randomUUID().toString();
        Map<String, Object> params = new HashMap<>();
        params.put("meeting", meetingId);
        params.put("id", id);
        params.put("situation", data.situation());
        params.put("tried", data.tried());
        params.put("localSolution", data.localSolution());
        params.put("categories", data.categories());
        neo4j.query("""
                        MATCH (m:CareMeeting {id: $meeting})
                        CREATE (c:MeetingCase {id: $id, situation: $situation, tried: $tried, localSolution: $localSolution,
                                               createdAt: datetime()})-[:DISCUSSED_AT]->(m)
                        WITH c
                        UNWIND $categories AS code
                        MATCH (h:HelpCategory {code: code})
                        MERGE (c)-[:ABOUT]->(h)""")
                .bindAll(params).run();
        return new CareMeeting.MeetingCase(id, data.categories(), data.situation(), data.tried(), data.localSolution());
    }

    /** Records a problem raised at the meeting, tagged by category. */
    @Transactional
    public CareMeeting.MeetingProblem addProblem(String meetingId, ProblemData data) {
        AnonymousText.check("description", data.description());
        if (data.categories().isEmpty()) {
            throw new BadInputException("categories", "tag the problem with at least one help category");
        }
        categories.requireKnown("categories", data.categories());
        get(meetingId);
        String id = UUID.randomUUID().toString();
        neo4j.query("""
                        MATCH (m:CareMeeting {id: $meeting})
                        CREATE (p:MeetingProblem {id: $id, description: $description, createdAt: datetime()})-[:RAISED_AT]->(m)
                        WITH p
                        UNWIND $categories AS code
                        MATCH (h:HelpCategory {code: code})
                        MERGE (p)-[:ABOUT]->(h)""")
                .bindAll(Map.of("meeting", meetingId, "id", id, "description", data.description(), "categories", data.categories()))
                .run();
        return new CareMeeting.MeetingProblem(id, data.categories(), data.description());
    }

    @Transactional
    public void removeNote(String meetingId, String noteId) {
        long deleted = neo4j.query("""
                        MATCH (:CareMeeting {id: $meeting})<-[:DISCUSSED_AT|RAISED_AT]-(note)
                        WHERE note.id = $note
                        DETACH DELETE note
                        RETURN count(*)""")
                .bindAll(Map.of("meeting", meetingId, "note", noteId)).fetchAs(Long.class).one().orElse(0L);
        if (deleted == 0) {
            throw new NotFoundException("case or problem", noteId);
        }
    }

    private static CareMeeting map(Value m) {
        return new CareMeeting(m.get("id").asString(), m.get("neighbourhood").asString(""), m.get("date").asLocalDate(),
                MeetingMode.valueOf(m.get("mode").asString()), m.get("title").asString(""),
                m.get("attendees").asList(a -> new CareMeeting.Attendee(a.get("id").asString(), a.get("name").asString(""),
                        a.get("kind").asString(""), a.get("sharesContact").asBoolean())),
                m.get("cases").asList(c -> new CareMeeting.MeetingCase(c.get("id").asString(),
                        c.get("categories").asList(Value::asString, List.of()), c.get("situation").asString(""),
                        text(c.get("tried")), text(c.get("localSolution")))),
                m.get("problems").asList(p -> new CareMeeting.MeetingProblem(p.get("id").asString(),
                        p.get("categories").asList(Value::asString, List.of()), p.get("description").asString(""))));
    }

    private static @Nullable String text(Value value) {
        return value.isNull() ? null : value.asString();
    }
}
