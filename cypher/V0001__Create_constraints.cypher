// Unique ids for every node label of the care network graph.
// Ids are strings chosen by the application (UUIDs, or codes for reference data).
CREATE CONSTRAINT neighbourhood_id IF NOT EXISTS FOR (n:Neighbourhood) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT neighbourhood_code IF NOT EXISTS FOR (n:Neighbourhood) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT municipality_code IF NOT EXISTS FOR (m:Municipality) REQUIRE m.code IS UNIQUE;
CREATE CONSTRAINT actor_id IF NOT EXISTS FOR (a:Actor) REQUIRE a.id IS UNIQUE;
CREATE CONSTRAINT resident_id IF NOT EXISTS FOR (r:Resident) REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT resident_pseudonym IF NOT EXISTS FOR (r:Resident) REQUIRE r.pseudonym IS UNIQUE;
CREATE CONSTRAINT help_category_code IF NOT EXISTS FOR (c:HelpCategory) REQUIRE c.code IS UNIQUE;
CREATE CONSTRAINT need_id IF NOT EXISTS FOR (n:Need) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT care_meeting_id IF NOT EXISTS FOR (m:CareMeeting) REQUIRE m.id IS UNIQUE;
CREATE CONSTRAINT glossary_term_id IF NOT EXISTS FOR (g:GlossaryTerm) REQUIRE g.id IS UNIQUE;
// OFFERS relationships carry the capacity's id, so a capacity can be read, changed and matched by id.
CREATE CONSTRAINT offers_id IF NOT EXISTS FOR ()-[o:OFFERS]-() REQUIRE o.id IS UNIQUE;
