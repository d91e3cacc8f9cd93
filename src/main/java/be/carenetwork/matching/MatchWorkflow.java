package be.carenetwork.matching;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import be.carenetwork.directory.Capacities;
import be.carenetwork.system.BadInputException;
import be.carenetwork.system.ConflictException;
import be.carenetwork.system.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The coordinator's workflow: proposed, validated, active, closed with after care, or declined; help logged on the
 * way; every change audited.
 * <p>
 * Each step is one Cypher write that first takes the write locks of the need, the helper and the match (in that
 * order, always), then reads their current state, checks it and changes it only when every check holds. Two
 * coordinators validating the same capacity or the same need at the same moment are therefore serialised by Neo4j:
 * the second one reads the first one's committed result and gets a 409. A refused step changes nothing.
 */
@Service
class MatchWorkflow {

    /** Free texts may hold personal data: the audit trail records that they changed, not what they say. */
    private static final List<String> FREE_TEXT = List.of("declineReason", "outcome");

    private static final String PROPOSE = """
            MATCH (n:Need {id: $needId})
            SET n.matchLock = true
            REMOVE n.matchLock
            WITH n
            WHERE NOT EXISTS { MATCH (n)<-[:FOR_NEED]-(x:Match) WHERE x.capacityId = $capacityId }
            CALL () {
              MATCH (o:Actor {id: $ownerId}) RETURN o
              UNION
              MATCH (o:Resident {id: $ownerId}) RETURN o
            }
            CREATE (m:Match {id: $id})-[:FOR_NEED]->(n)
            CREATE (m)-[:BY]->(o)
            SET m += $props
            CREATE (m)-[:AUDITED]->(:AuditEntry {id: randomUUID(), seq: 1, at: $at, by: $by, action: 'PROPOSE',
                                                 before: [], after: $after})
            RETURN m.id AS id""";

    private static final String TRANSITION = """
            MATCH (m:Match {id: $id})
            OPTIONAL MATCH (m)-[:FOR_NEED]->(n:Need)
            OPTIONAL MATCH (m)-[:BY]->(owner)
            SET n.matchLock = true
            SET owner.matchLock = true
            SET m.matchLock = true
            REMOVE n.matchLock, owner.matchLock, m.matchLock
            WITH m, n, owner
            OPTIONAL MATCH (owner)-[cap:OFFERS {id: m.capacityId}]->()
            WITH m, n, cap, m.status AS before, n.status AS needBefore,
                 COUNT { MATCH (b:Match {capacityId: m.capacityId}) WHERE b.status IN $booked AND b <> m } AS load,
                 COUNT { MATCH (n)<-[:FOR_NEED]-(b:Match) WHERE b.status IN $booked AND b <> m } AS needBooked
            WITH m, n, cap, before, needBefore,
                 CASE WHEN NOT ($all OR m.neighbourhood IN $mine) THEN 'FORBIDDEN'
                      WHEN NOT before IN $from THEN 'WRONG_STATUS'
                      WHEN $once <> '' AND m[$once] IS NOT NULL THEN 'ALREADY_DONE'
                      WHEN $book AND (n IS NULL OR n.status IN ['CLOSED', 'CANCELLED']) THEN 'NEED_CLOSED'
                      WHEN $book AND cap IS NULL THEN 'CAPACITY_GONE'
                      WHEN $book AND needBooked > 0 THEN 'NEED_BOOKED'
                      WHEN $book AND load >= coalesce(cap.maxActive, 1) THEN 'CAPACITY_FULL'
                      ELSE 'OK' END AS outcome
            CALL (m, n, before, needBefore, outcome) {
              WITH m, n, before, needBefore WHERE outcome = 'OK'
              WITH m, n, before, needBefore,
                   [k IN keys($set) | k + '=' + CASE WHEN m[k] IS NULL THEN '' WHEN k IN $freeText THEN '(text)'
                                                     ELSE toString(m[k]) END] AS was,
                   CASE WHEN n IS NULL OR $needTo IS NULL THEN null
                        WHEN $needOnlyIfBooked AND NOT (before IN $booked AND needBefore = 'MATCHED') THEN null
                        ELSE $needTo END AS needTo
              SET m += $set, m.status = $to,
                  m.activatedAt = CASE WHEN $to = 'ACTIVE' THEN coalesce(m.activatedAt, $at) ELSE m.activatedAt END
              SET n.status = coalesce(needTo, n.status)
              FOREACH (e IN CASE WHEN $event IS NULL THEN [] ELSE [$event] END |
                CREATE (m)-[:LOGGED]->(h:HelpEvent) SET h = e)
              CREATE (m)-[:AUDITED]->(:AuditEntry {id: randomUUID(), seq: COUNT { (m)-[:AUDITED]->() } + 1, at: $at,
                by: $by, action: $action,
                before: ['status=' + before] + was + CASE WHEN needTo IS NULL THEN [] ELSE ['needStatus=' + needBefore] END,
                after: ['status=' + $to] + $after + CASE WHEN needTo IS NULL THEN [] ELSE ['needStatus=' + needTo] END})
            }
            RETURN outcome, before, m.capacityId AS capacityId, n.id AS needId, n.status AS needStatus,
                   coalesce(cap.maxActive, 1) AS maxActive""";

    private final Neo4jClient neo4j;
    private final CapacityMatching matching;
    private final Capacities capacities;
    private final Matches matches;
    private final MatchingProperties properties;
    private final TransactionTemplate transaction;

    MatchWorkflow(Neo4jClient neo4j, CapacityMatching matching, Capacities capacities, Matches matches,
                  MatchingProperties properties, TransactionTemplate transaction) {
        this.neo4j = neo4j;
        this.matching = matching;
        this.capacities = capacities;
        this.matches = matches;
        this.properties = properties;
        this.transaction = transaction;
    }

    /** Records that the coordinator proposes this capacity for the need; it must be one of the need's proposals. */
    MatchView propose(String needId, String capacityId, Caller caller, OffsetDateTime at) {
        return matches.get(proposeId(needId, capacityId, caller, at), caller);
    }

    /** {@link #propose} without reading the match back: the new match's id. */
    String proposeId(String needId, String capacityId, Caller caller, OffsetDateTime at) {
        return inTransaction(() -> {
            CapacityMatching.NeedFacts need = matching.facts(needId);
            caller.requireCoordinatorOf(need.neighbourhood());
            CapacityMatching.requireMatchable(need);
            if (need.taken().contains(capacityId)) {
                throw new ConflictException("Capacity " + capacityId + " was already proposed (or declined) for need " + needId);
            }
            List<Proposal> found = matching.rank(need, capacityId, 1, caller);
            if (found.isEmpty()) {
                capacities.get(capacityId);
                throw new ConflictException("Capacity " + capacityId + " does not answer need " + needId
                        + " now (category, distance, language, time or load): see the need's proposals");
            }
            return create(need, found.getFirst(), caller, at);
        });
    }

    /** Writes a PROPOSED match for one of the need's current proposals; the caller has checked both. */
    String create(CapacityMatching.NeedFacts need, Proposal proposal, Caller caller, OffsetDateTime at) {
        Map<String, Object> props = new HashMap<>();
        props.put("capacityId", proposal.capacityId());
        props.put("category", proposal.category());
        props.put("helperKind", proposal.helperKind().name());
        props.put("neighbourhood", need.neighbourhood());
        props.put("personKey", need.residentId() == null ? "need:" + need.id() : need.residentId());
        props.put("status", MatchStatus.PROPOSED.name());
        props.put("score", proposal.score());
        props.put("reasons", proposal.reasons());
        props.put("distanceMetres", proposal.distanceMetres());
        props.put("proposedAt", at);
        props.put("createdAt", at);
        props.put("proposedBy", caller.username());
        String matchId = UUID.randomUUID().toString();
        Map<String, Object> params = new HashMap<>();
        params.put("needId", need.id());
        params.put("capacityId", proposal.capacityId());
        params.put("ownerId", proposal.ownerId());
        params.put("id", matchId);
        params.put("props", props);
        params.put("at", at);
        params.put("by", caller.username());
        params.put("after", List.of("status=PROPOSED", "capacityId=" + proposal.capacityId(), "score=" + proposal.score()));
        return neo4j.query(PROPOSE).bindAll(params).fetchAs(String.class).one()
                .orElseThrow(() -> new ConflictException("Capacity " + proposal.capacityId() + " was just proposed for need " + need.id()));
    }

    MatchView validate(String id, Caller caller, OffsetDateTime at) {
        return view(validating(id, caller, at), caller, at);
    }

    Step validating(String id, Caller caller, OffsetDateTime at) {
        return new Step(id, "VALIDATE", Set.of(MatchStatus.PROPOSED), MatchStatus.VALIDATED)
                .set("validatedBy", caller.username()).set("validatedAt", at).booking().need("MATCHED", false);
    }

    MatchView activate(String id, Caller caller, OffsetDateTime at) {
        return view(new Step(id, "ACTIVATE", Set.of(MatchStatus.VALIDATED), MatchStatus.ACTIVE), caller, at);
    }

    /** Logs help provided; a validated match becomes active with its first help. */
    MatchView logHelp(String id, LocalDate date, @Nullable String what, int minutes, Caller caller, OffsetDateTime at) {
        return view(helping(id, date, what, minutes, caller, at), caller, at);
    }

    Step helping(String id, LocalDate date, @Nullable String what, int minutes, Caller caller, OffsetDateTime at) {
        if (date.isAfter(at.toLocalDate())) {
            throw new BadInputException("date", "must be today or earlier");
        }
        if (minutes < 1 || minutes > 24 * 60) {
            throw new BadInputException("minutes", "must be between 1 and 1440");
        }
        Map<String, Object> event = new HashMap<>();
        event.put("id", UUID.randomUUID().toString());
        event.put("date", date);
        event.put("what", what);
        event.put("minutes", minutes);
        event.put("loggedBy", caller.username());
        event.put("loggedAt", at);
        Step step = new Step(id, "LOG_HELP", Set.of(MatchStatus.VALIDATED, MatchStatus.ACTIVE), MatchStatus.ACTIVE);
        step.event = event;
        step.after.add("help=" + date + " " + minutes + " min");
        return step;
    }

    /** Closes the match and the need; the after-care follow-up is due on the given day, or after the default delay. */
    MatchView close(String id, @Nullable LocalDate afterCareDue, Caller caller, OffsetDateTime at) {
        return view(closing(id, afterCareDue, at), caller, at);
    }

    Step closing(String id, @Nullable LocalDate afterCareDue, OffsetDateTime at) {
        LocalDate due = afterCareDue == null ? at.toLocalDate().plusDays(properties.afterCareDays()) : afterCareDue;
        if (due.isBefore(at.toLocalDate())) {
            throw new BadInputException("afterCareDue", "must be today or later");
        }
        return new Step(id, "CLOSE", Set.of(MatchStatus.VALIDATED, MatchStatus.ACTIVE), MatchStatus.CLOSED)
                .set("closedAt", at).set("dueDate", due).need("CLOSED", false);
    }

    /** Records the after-care follow-up's outcome, once. */
    MatchView recordAfterCare(String id, String outcome, Caller caller, OffsetDateTime at) {
        return view(followingUp(id, outcome, at), caller, at);
    }

    Step followingUp(String id, String outcome, OffsetDateTime at) {
        Step step = new Step(id, "AFTER_CARE", Set.of(MatchStatus.CLOSED), MatchStatus.CLOSED)
                .set("outcome", outcome).set("afterCareDoneAt", at);
        step.once = "outcome";
        return step;
    }

    /** Declines the match; a need it had answered is open again. */
    MatchView decline(String id, String reason, Caller caller, OffsetDateTime at) {
        return view(declining(id, reason, caller, at), caller, at);
    }

    Step declining(String id, String reason, Caller caller, OffsetDateTime at) {
        return new Step(id, "DECLINE", Set.of(MatchStatus.PROPOSED, MatchStatus.VALIDATED, MatchStatus.ACTIVE),
                MatchStatus.DECLINED).set("declinedAt", at).set("declinedBy", caller.username())
                .set("declineReason", reason).need("OPEN", true);
    }

    /** One step of the workflow, as parameters of {@link #TRANSITION}. */
    static final class Step {
        final String id;
        final String action;
        final Set<MatchStatus> from;
        final MatchStatus to;
        final Map<String, Object> set = new LinkedHashMap<>();
        final List<String> after = new ArrayList<>();
        boolean book;
        @Nullable String needTo;
        boolean needOnlyIfBooked;
        String once = "";
        @Nullable Map<String, Object> event;

        Step(String id, String action, Set<MatchStatus> from, MatchStatus to) {
            this.id = id;
            this.action = action;
            this.from = from;
            this.to = to;
        }

        Step set(String key, Object value) {
            set.put(key, value);
            after.add(key + "=" + (FREE_TEXT.contains(key) ? "(text)" : value));
            return this;
        }

        Step booking() {
            book = true;
            return this;
        }

        Step need(String status, boolean onlyIfBooked) {
            needTo = status;
            needOnlyIfBooked = onlyIfBooked;
            return this;
        }
    }

    private MatchView view(Step step, Caller caller, OffsetDateTime at) {
        apply(step, caller, at);
        return matches.get(step.id, caller);
    }

    /** Runs one step: the checks and the change in one statement; an exception (and nothing changed) when refused. */
    void apply(Step step, Caller caller, OffsetDateTime at) {
        inTransaction(() -> {
            Map<String, Object> params = new HashMap<>(caller.parameters());
            params.put("id", step.id);
            params.put("action", step.action);
            params.put("from", step.from.stream().map(Enum::name).toList());
            params.put("to", step.to.name());
            params.put("set", step.set);
            params.put("after", step.after);
            params.put("book", step.book);
            params.put("needTo", step.needTo);
            params.put("needOnlyIfBooked", step.needOnlyIfBooked);
            params.put("once", step.once);
            params.put("event", step.event);
            params.put("at", at);
            params.put("booked", MatchStatus.BOOKED);
            params.put("freeText", FREE_TEXT);
            Map<String, Object> row = neo4j.query(TRANSITION).bindAll(params).fetch().one()
                    .orElseThrow(() -> new NotFoundException("match", step.id));
            String outcome = (String) row.get("outcome");
            switch (outcome) {
                case "OK" -> {
                    return row;
                }
                case "FORBIDDEN" -> throw new AccessDeniedException("You are not a coordinator of this match's neighbourhood");
                case "WRONG_STATUS" -> throw new ConflictException("Match " + step.id + " is " + row.get("before") + ": "
                        + step.action.toLowerCase().replace('_', ' ') + " needs it to be " + names(step.from));
                case "ALREADY_DONE" -> throw new ConflictException("Match " + step.id + " already has its after-care outcome");
                case "NEED_CLOSED" -> throw new ConflictException("Need " + row.get("needId") + " is "
                        + row.get("needStatus") + ": it cannot be matched any more");
                case "CAPACITY_GONE" -> throw new NotFoundException("capacity", (String) row.get("capacityId"));
                case "NEED_BOOKED" -> throw new ConflictException("Need " + row.get("needId")
                        + " already has a validated match: decline it first");
                case "CAPACITY_FULL" -> throw new ConflictException("Capacity " + row.get("capacityId") + " already has "
                        + row.get("maxActive") + " active matches, as many as it takes on");
                default -> throw new IllegalStateException("Unexpected outcome " + outcome);
            }
        });
    }

    private static String names(Set<MatchStatus> statuses) {
        return String.join(" or ", statuses.stream().sorted().map(Enum::name).toList());
    }

    /**
     * Runs a step in a transaction (or the caller's), again if Neo4j chose it as the victim of a deadlock: the
     * locks are always taken in the same order, so this stays rare.
     */
    private <T> T inTransaction(Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                T result = transaction.execute(status -> work.get());
                if (result == null) {
                    throw new IllegalStateException("No result");
                }
                return result;
            } catch (TransientDataAccessException e) {
                if (attempt >= 5) {
                    throw e;
                }
            }
        }
    }
}
