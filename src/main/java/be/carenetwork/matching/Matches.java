package be.carenetwork.matching;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import be.carenetwork.directory.ResidentView;
import be.carenetwork.system.GeoPoint;
import be.carenetwork.system.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;

/**
 * Reading matches: one match, the matches of a need, a match's audit trail. Each is shaped for the reader: personal
 * data and free texts for coordinators of the need's neighbourhood, pseudonyms for everyone else.
 */
@Service
class Matches {

    /** Follows a {@code WITH m}: the match with its need's resident, its helper and its help events. */
    private static final String VIEW = """
            OPTIONAL MATCH (m)-[:FOR_NEED]->(n:Need)
            OPTIONAL MATCH (r:Resident)-[:HAS_NEED]->(n)
            OPTIONAL MATCH (m)-[:BY]->(o)
            RETURN m {.*} AS m, n.id AS needId,
                   r {.id, .pseudonym, .displayName, .phone, .email, .languages, .blurredLocation,
                      neighbourhood: COLLECT { MATCH (r)-[:LIVES_IN]->(x:Neighbourhood) RETURN x.code }[0]} AS r,
                   o {.id, .name, .pseudonym, .displayName, actor: o:Actor,
                      neighbourhood: COLLECT { MATCH (o)-[:LIVES_IN]->(x:Neighbourhood) RETURN x.code }[0]} AS o,
                   COLLECT { MATCH (m)-[:LOGGED]->(h:HelpEvent) RETURN h {.*} ORDER BY h.date, h.loggedAt } AS help""";

    private final Neo4jClient neo4j;

    Matches(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    MatchView get(String id, Caller caller) {
        return neo4j.query("MATCH (m:Match {id: $id}) WITH m\n" + VIEW).bind(id).to("id")
                .fetchAs(MatchView.class).mappedBy((t, r) -> view(r, caller))
                .one().orElseThrow(() -> new NotFoundException("match", id));
    }

    /** The matches of a need, newest first; the caller has been checked as its coordinator. */
    List<MatchView> ofNeed(String needId, Caller caller) {
        return neo4j.query("MATCH (m:Match)-[:FOR_NEED]->(:Need {id: $id}) WITH m ORDER BY m.proposedAt DESC, m.id\n" + VIEW)
                .bind(needId).to("id").fetchAs(MatchView.class).mappedBy((t, r) -> view(r, caller)).all().stream().toList();
    }

    /** The matches of a resident's needs and those they helped in, for the GDPR export. */
    List<MatchView> ofResident(String residentId, Caller caller) {
        return neo4j.query("""
                        MATCH (r:Resident {id: $id})
                        CALL (r) {
                          MATCH (r)-[:HAS_NEED]->(:Need)<-[:FOR_NEED]-(m:Match) RETURN m
                          UNION
                          MATCH (r)<-[:BY]-(m:Match) RETURN m
                        }
                        WITH m ORDER BY m.proposedAt, m.id
                        """ + VIEW)
                .bind(residentId).to("id").fetchAs(MatchView.class).mappedBy((t, r) -> view(r, caller)).all().stream().toList();
    }

    /** The audit trail, oldest first; for coordinators of the match's neighbourhood. */
    List<MatchView.AuditEntry> audit(String id, Caller caller) {
        String neighbourhood = neo4j.query("MATCH (m:Match {id: $id}) RETURN m.neighbourhood AS n").bind(id).to("id")
                .fetch().one().map(row -> (String) row.get("n"))
                .orElseThrow(() -> new NotFoundException("match", id));
        caller.requireCoordinatorOf(neighbourhood);
        return neo4j.query("""
                        MATCH (:Match {id: $id})-[:AUDITED]->(a:AuditEntry)
                        RETURN a ORDER BY a.seq""")
                .bind(id).to("id").fetchAs(MatchView.AuditEntry.class)
                .mappedBy((t, r) -> {
                    Value a = r.get("a");
                    return new MatchView.AuditEntry(time(a.get("at")), a.get("by").asString(), a.get("action").asString(),
                            a.get("before").asList(Value::asString, List.of()), a.get("after").asList(Value::asString, List.of()));
                }).all().stream().toList();
    }

    private static MatchView view(org.neo4j.driver.Record record, Caller caller) {
        Value m = record.get("m");
        Value r = record.get("r");
        Value o = record.get("o");
        String neighbourhood = text(m.get("neighbourhood"));
        boolean coordinator = caller.coordinates(neighbourhood);

        ResidentView person = null;
        MatchView.PersonalData personal = null;
        if (!r.isNull()) {
            person = new ResidentView(r.get("pseudonym").asString(), GeoPoint.from(r.get("blurredLocation")),
                    text(r.get("neighbourhood")), r.get("languages").asList(Value::asString, List.of()));
            if (coordinator) {
                personal = new MatchView.PersonalData(r.get("id").asString(), r.get("displayName").asString(),
                        text(r.get("phone")), text(r.get("email")));
            }
        }

        MatchView.Helper helper;
        HelperKind kind = HelperKind.valueOf(m.get("helperKind").asString());
        String capacityId = m.get("capacityId").asString();
        if (o.isNull()) {
            helper = new MatchView.Helper(capacityId, null, null, kind, null, null);
        } else if (o.get("actor").asBoolean()) {
            helper = new MatchView.Helper(capacityId, o.get("id").asString(), "Actor", kind, o.get("name").asString(), null);
        } else {
            String displayName = caller.coordinates(text(o.get("neighbourhood"))) ? text(o.get("displayName")) : null;
            helper = new MatchView.Helper(capacityId, o.get("id").asString(), "Resident", kind,
                    o.get("pseudonym").asString(), displayName);
        }

        List<MatchView.HelpEvent> help = record.get("help").asList(h -> new MatchView.HelpEvent(
                h.get("id").asString(), h.get("date").asLocalDate(), coordinator ? text(h.get("what")) : null,
                h.get("minutes").asInt(0), h.get("loggedBy").asString(), time(h.get("loggedAt"))));
        int minutes = help.stream().mapToInt(MatchView.HelpEvent::minutes).sum();

        return new MatchView(m.get("id").asString(), text(record.get("needId")), m.get("category").asString(),
                MatchStatus.valueOf(m.get("status").asString()),
                m.get("score").isNull() ? null : m.get("score").asInt(),
                coordinator ? m.get("reasons").asList(Value::asString, List.of()) : List.of(),
                m.get("distanceMetres").isNull() ? null : m.get("distanceMetres").asLong(),
                helper, person, personal, neighbourhood,
                time(m.get("proposedAt")), m.get("proposedBy").asString(),
                optionalTime(m.get("validatedAt")), text(m.get("validatedBy")), optionalTime(m.get("activatedAt")),
                optionalTime(m.get("closedAt")), date(m.get("dueDate")),
                coordinator ? text(m.get("outcome")) : null, optionalTime(m.get("afterCareDoneAt")),
                optionalTime(m.get("declinedAt")), coordinator ? text(m.get("declineReason")) : null,
                help, minutes, m.get("anonymised").asBoolean(false));
    }

    static @Nullable String text(Value value) {
        return value.isNull() ? null : value.asString();
    }

    static OffsetDateTime time(Value value) {
        return value.asZonedDateTime().toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
    }

    static @Nullable OffsetDateTime optionalTime(Value value) {
        return value.isNull() ? null : time(value);
    }

    static @Nullable LocalDate date(Value value) {
        return value.isNull() ? null : value.asLocalDate();
    }
}
