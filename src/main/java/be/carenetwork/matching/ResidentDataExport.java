package be.carenetwork.matching;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import be.carenetwork.directory.Capacities;
import be.carenetwork.directory.Capacity;
import be.carenetwork.directory.Need;
import be.carenetwork.directory.Needs;
import be.carenetwork.directory.Resident;
import be.carenetwork.directory.Residents;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * GDPR right of access: everything the graph holds about one resident, as one JSON document, for a coordinator of
 * their neighbourhood. The resident, their capacities, their needs, the matches for their needs and those they
 * helped in (with help logged and the audit trail of each).
 */
@Service
class ResidentDataExport {

    record Export(OffsetDateTime exportedAt, String exportedBy, Resident resident, List<Capacity> capacities,
                  List<Need> needs, List<MatchView> matches, Map<String, List<MatchView.AuditEntry>> audit) {
    }

    private final Neo4jClient neo4j;
    private final Residents residents;
    private final Capacities capacities;
    private final Needs needs;
    private final Matches matches;

    ResidentDataExport(Neo4jClient neo4j, Residents residents, Capacities capacities, Needs needs, Matches matches) {
        this.neo4j = neo4j;
        this.residents = residents;
        this.capacities = capacities;
        this.needs = needs;
        this.matches = matches;
    }

    @Transactional(readOnly = true)
    Export export(String residentId, Caller caller) {
        Resident resident = residents.get(residentId);
        List<Need> theirNeeds = neo4j.query("MATCH (:Resident {id: $id})-[:HAS_NEED]->(n:Need) RETURN n.id ORDER BY n.createdAt, n.id")
                .bind(residentId).to("id").fetchAs(String.class).all().stream().map(needs::get).toList();
        List<MatchView> theirMatches = matches.ofResident(residentId, caller);
        Map<String, List<MatchView.AuditEntry>> audit = new LinkedHashMap<>();
        for (MatchView match : theirMatches) {
            // A match they helped in may belong to another neighbourhood: its trail is for that neighbourhood's coordinators.
            if (caller.coordinates(match.neighbourhood())) {
                audit.put(match.id(), matches.audit(match.id(), caller));
            }
        }
        return new Export(OffsetDateTime.now(), caller.username(), resident, capacities.ofOwner(residentId), theirNeeds,
                theirMatches, audit);
    }
}
