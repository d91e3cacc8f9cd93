// Bridging actors
//
// Question: Which actors connect parts of the network that do not know each other? For each actor with at least
//   two contacts (KNOWS or REFERS_TO, either way), the pairs of its contacts that have no link of their own (the
//   bridges it forms), and how many neighbourhoods and sectors its contacts reach.
// Parameters:
//   $neighbourhood string = null  only actors of this neighbourhood; null for all
//   $limit integer = 50  how many actors, the strongest bridges first
// Chart: bar name unlinkedPairs
// Example result:
//   actor        | name                        | kind           | neighbourhood | contacts | unlinkedPairs | neighbourhoodsReached | sectorsReached
//   5b1c...      | Point info santé-social ... | REFERRAL_POINT | JET-CENTRE    | 12       | 51            | 4                     | 3
// Private actors (neighbours, volunteers, informal carers) appear under a pseudonym in the analyst graph, and
// without name or id on the main graph.
MATCH (a:Actor)
WHERE $neighbourhood IS NULL OR EXISTS { (a)-[:LOCATED_IN]->(:Neighbourhood {code: $neighbourhood}) }
CALL (a) {
  MATCH (a)-[:KNOWS|REFERS_TO]-(b:Actor)
  WHERE b <> a
  RETURN collect(DISTINCT b) AS contacts
}
WITH a, contacts
WHERE size(contacts) >= 2
CALL (contacts) {
  UNWIND contacts AS x
  UNWIND contacts AS y
  WITH x, y
  WHERE elementId(x) < elementId(y) AND NOT EXISTS { (x)-[:KNOWS|REFERS_TO]-(y) }
  RETURN count(*) AS unlinkedPairs
}
CALL (contacts) {
  UNWIND contacts AS b
  OPTIONAL MATCH (b)-[:LOCATED_IN]->(n:Neighbourhood)
  OPTIONAL MATCH (b)-[:OFFERS]->(c:HelpCategory)
  RETURN count(DISTINCT n) AS neighbourhoodsReached,
         count(DISTINCT CASE WHEN b.formal = false THEN 'INFORMAL' ELSE c.sector END) AS sectorsReached
}
RETURN CASE WHEN a.visibility = 'PUBLIC' OR a.pseudonymised THEN a.id END AS actor,
       CASE WHEN a.visibility = 'PUBLIC' OR a.pseudonymised THEN a.name ELSE 'private ' + toLower(a.kind) END AS name, a.kind AS kind,
       COLLECT { MATCH (a)-[:LOCATED_IN]->(n:Neighbourhood) RETURN n.code }[0] AS neighbourhood,
       size(contacts) AS contacts, unlinkedPairs, neighbourhoodsReached, sectorsReached
ORDER BY unlinkedPairs DESC, contacts DESC, name
LIMIT $limit
