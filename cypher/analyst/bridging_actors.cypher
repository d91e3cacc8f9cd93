// Bridging actors
//
// Question: Which actors connect parts of the network that do not know each other? Among the 4 x $limit actors with
//   the most contacts (KNOWS or REFERS_TO, either way), the pairs of their contacts that have no link of their own
//   (the bridges each forms), and how many neighbourhoods and sectors their contacts reach. (An actor with d contacts
//   forms at most d(d-1)/2 bridges, so the strongest bridges are among the best connected.)
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
WITH a, COUNT { (a)-[:KNOWS|REFERS_TO]-(:Actor) } AS degree
WHERE degree >= 2
// The candidates: the actors with the most links. Counting bridges for every actor would read every link's
// neighbourhood in the network; an actor with d contacts forms at most d(d-1)/2 bridges.
ORDER BY degree DESC
LIMIT $limit * 4
CALL (a) {
  MATCH (a)-[:KNOWS|REFERS_TO]-(b:Actor)
  WHERE b <> a
  RETURN collect(DISTINCT b) AS contacts
}
// Links counted above may be two to one contact (knows and refers to): bridging needs two different contacts.
WITH a, contacts
WHERE size(contacts) >= 2
CALL (contacts) {
  UNWIND contacts AS x
  OPTIONAL MATCH (x)-[:KNOWS|REFERS_TO]-(y:Actor)
  WHERE y IN contacts AND y <> x
  WITH x, count(DISTINCT y) AS linked
  RETURN sum(linked) / 2 AS linkedPairs
}
CALL (contacts) {
  UNWIND contacts AS b
  WITH b, [(b)-[:OFFERS]->(c:HelpCategory) | c.sector] AS offered
  RETURN count(DISTINCT COLLECT { MATCH (b)-[:LOCATED_IN]->(n:Neighbourhood) RETURN n.code }[0]) AS neighbourhoodsReached,
         count(DISTINCT CASE WHEN b.formal = false THEN 'INFORMAL' WHEN size(offered) = 0 THEN 'UNKNOWN'
          ELSE reduce(best = offered[0], s IN offered |
                 CASE WHEN size([o IN offered WHERE o = s]) > size([o IN offered WHERE o = best])
                        OR (size([o IN offered WHERE o = s]) = size([o IN offered WHERE o = best]) AND s < best)
                      THEN s ELSE best END) END) AS sectorsReached
}
RETURN CASE WHEN a.visibility = 'PUBLIC' OR a.pseudonymised THEN a.id END AS actor,
       CASE WHEN a.visibility = 'PUBLIC' OR a.pseudonymised THEN a.name ELSE 'private ' + toLower(a.kind) END AS name,
       a.kind AS kind, COLLECT { MATCH (a)-[:LOCATED_IN]->(n:Neighbourhood) RETURN n.code }[0] AS neighbourhood,
       size(contacts) AS contacts, size(contacts) * (size(contacts) - 1) / 2 - linkedPairs AS unlinkedPairs,
       neighbourhoodsReached, sectorsReached
ORDER BY unlinkedPairs DESC, contacts DESC, name
LIMIT $limit
