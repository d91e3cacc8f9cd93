package be.carenetwork.matching;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import be.carenetwork.directory.Residents;
import be.carenetwork.security.CurrentUser;
import org.springframework.context.event.EventListener;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.security.core.userdetails.User;

/**
 * GDPR erasure, the matching part: when a resident is erased (in the same transaction, before they are deleted),
 * their matches become anonymous counts. What stays: category, neighbourhood, kind of helper, status, dates and
 * minutes of help, and a random key instead of the person, so "people matched" still counts them once. What goes:
 * the link to the person (their needs and their node are deleted by the directory), free texts, reasons, distances.
 * Matches still under way end: closed for the person helped, declined when the erased resident was the helper (and
 * the need they answered is open again).
 */
@Component
class MatchErasure {

    private static final String AS_PERSON = """
            MATCH (:Resident {id: $id})-[:HAS_NEED]->(:Need)<-[:FOR_NEED]-(m:Match)
            WITH m, m.status AS before
            SET m.personKey = $token, m.anonymised = true,
                m.status = CASE WHEN before = 'PROPOSED' THEN 'DECLINED' WHEN before IN $booked THEN 'CLOSED' ELSE before END,
                m.declinedAt = CASE WHEN before = 'PROPOSED' THEN $at ELSE m.declinedAt END,
                m.closedAt = CASE WHEN before IN $booked THEN $at ELSE m.closedAt END,
                m.dueDate = CASE WHEN m.outcome IS NULL THEN null ELSE m.dueDate END
            REMOVE m.reasons, m.distanceMetres, m.declineReason, m.outcome
            WITH m, before
            CALL (m) {
              MATCH (m)-[:LOGGED]->(h:HelpEvent)
              REMOVE h.what
            }
            CREATE (m)-[:AUDITED]->(:AuditEntry {id: randomUUID(), seq: COUNT { (m)-[:AUDITED]->() } + 1, at: $at,
              by: $by, action: 'ERASE_PERSON', before: ['status=' + before], after: ['status=' + m.status, 'anonymised=true']})
            RETURN count(m) AS n""";

    private static final String AS_HELPER = """
            MATCH (:Resident {id: $id})<-[:BY]-(m:Match)
            OPTIONAL MATCH (m)-[:FOR_NEED]->(n:Need)
            WITH m, n, m.status AS before
            SET m.helperAnonymised = true,
                m.status = CASE WHEN before = 'PROPOSED' OR before IN $booked THEN 'DECLINED' ELSE before END,
                m.declinedAt = CASE WHEN before = 'PROPOSED' OR before IN $booked THEN $at ELSE m.declinedAt END,
                m.declineReason = CASE WHEN before = 'PROPOSED' OR before IN $booked THEN 'The helper was erased (GDPR)'
                                       ELSE m.declineReason END
            SET n.status = CASE WHEN before IN $booked AND n.status = 'MATCHED' THEN 'OPEN' ELSE n.status END
            REMOVE m.reasons
            WITH m, before
            CALL (m) {
              MATCH (m)-[:LOGGED]->(h:HelpEvent)
              REMOVE h.what
            }
            CREATE (m)-[:AUDITED]->(:AuditEntry {id: randomUUID(), seq: COUNT { (m)-[:AUDITED]->() } + 1, at: $at,
              by: $by, action: 'ERASE_HELPER', before: ['status=' + before], after: ['status=' + m.status]})
            RETURN count(m) AS n""";

    private final Neo4jClient neo4j;

    MatchErasure(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    @EventListener
    void on(Residents.ResidentErased erased) {
        Map<String, Object> params = new HashMap<>();
        params.put("id", erased.id());
        params.put("token", "erased:" + UUID.randomUUID());
        params.put("at", OffsetDateTime.now());
        params.put("by", CurrentUser.get().map(User::getUsername).orElse("system"));
        params.put("booked", MatchStatus.BOOKED);
        neo4j.query(AS_PERSON).bindAll(params).run();
        neo4j.query(AS_HELPER).bindAll(params).run();
    }
}
