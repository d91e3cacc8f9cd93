// Matching (issue 5): matches of needs with capacities, help logged on them, and their audit trail.
// A match names its capacity by id (capacities are OFFERS relationships, which nothing can point at),
// so the load of a capacity and the dashboard of a neighbourhood are index seeks.
CREATE CONSTRAINT match_id IF NOT EXISTS FOR (m:Match) REQUIRE m.id IS UNIQUE;
CREATE CONSTRAINT help_event_id IF NOT EXISTS FOR (h:HelpEvent) REQUIRE h.id IS UNIQUE;
CREATE CONSTRAINT audit_entry_id IF NOT EXISTS FOR (a:AuditEntry) REQUIRE a.id IS UNIQUE;
CREATE RANGE INDEX match_capacity IF NOT EXISTS FOR (m:Match) ON (m.capacityId);
CREATE RANGE INDEX match_neighbourhood IF NOT EXISTS FOR (m:Match) ON (m.neighbourhood);
