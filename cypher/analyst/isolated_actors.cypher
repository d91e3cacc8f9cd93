// Isolated actors
//
// Question: Which formal actors (services, organisations, professionals, shops, schools, referral points) are not
//   linked to anyone in the network: they know nobody (KNOWS), refer to nobody and nobody refers to them
//   (REFERS_TO), and attended no care meeting (ATTENDED)? Candidates to invite to the next meeting.
// Parameters:
//   $neighbourhood string = null  only actors of this neighbourhood; null for all
//   $limit integer = 200  how many actors at most
// Example result:
//   neighbourhood | actor   | name                          | kind         | offers
//   JET-GARE      | 8c0f... | Kiné Gare de Jette (demo)     | PROFESSIONAL | ["physiotherapy"]
//   JET-GARE      | 1d2e... | Pharmacie Gare de Jette (demo)| ORGANISATION | ["pharmacy"]
MATCH (a:Actor)
WHERE a.formal = true
  AND NOT EXISTS { (a)-[:KNOWS|REFERS_TO|ATTENDED]-() }
  AND ($neighbourhood IS NULL OR EXISTS { (a)-[:LOCATED_IN]->(:Neighbourhood {code: $neighbourhood}) })
RETURN COLLECT { MATCH (a)-[:LOCATED_IN]->(n:Neighbourhood) RETURN n.code }[0] AS neighbourhood,
       CASE WHEN a.visibility = 'PUBLIC' OR a.pseudonymised THEN a.id END AS actor,
       CASE WHEN a.visibility = 'PUBLIC' OR a.pseudonymised THEN a.name ELSE 'private ' + toLower(a.kind) END AS name, a.kind AS kind,
       COLLECT { MATCH (a)-[:OFFERS]->(c:HelpCategory) RETURN DISTINCT c.code ORDER BY c.code } AS offers
ORDER BY neighbourhood, name
LIMIT $limit
