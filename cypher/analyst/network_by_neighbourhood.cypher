// The network in each neighbourhood
//
// Question: How well do the actors of each neighbourhood know each other? Formal and informal actors, how many are
//   linked to at least one other actor (KNOWS, REFERS_TO or a care meeting attended), how many are isolated, and
//   how many of their links reach another neighbourhood.
// Parameters:
//   (none)
// Chart: bar neighbourhood linkedActors,isolatedActors
// Example result:
//   neighbourhood | name          | actors | formalActors | linkedActors | isolatedActors | links | linksToOtherNeighbourhoods
//   JET-GARE      | Gare de Jette | 17     | 10           | 9            | 8              | 23    | 6
MATCH (n:Neighbourhood)
CALL (n) {
  MATCH (a:Actor)-[:LOCATED_IN]->(n)
  RETURN count(a) AS actors, count(CASE WHEN a.formal THEN 1 END) AS formalActors,
         count(CASE WHEN EXISTS { (a)-[:KNOWS|REFERS_TO|ATTENDED]-() } THEN 1 END) AS linkedActors
}
CALL (n) {
  MATCH (a:Actor)-[:LOCATED_IN]->(n)
  MATCH (a)-[l:KNOWS|REFERS_TO]->(b:Actor)
  RETURN count(l) AS links,
         count(CASE WHEN NOT EXISTS { (b)-[:LOCATED_IN]->(n) } THEN 1 END) AS linksToOtherNeighbourhoods
}
RETURN n.code AS neighbourhood, n.nameFr AS name, actors, formalActors, linkedActors,
       actors - linkedActors AS isolatedActors, links, linksToOtherNeighbourhoods
ORDER BY neighbourhood
