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
  // The neighbourhood's actors as a list: whether a link stays inside is then a look-up, not a read of the graph.
  WITH collect(a) AS local
  UNWIND local AS a
  CALL (a, local) {
    OPTIONAL MATCH (a)-[l:KNOWS|REFERS_TO]->(b:Actor)
    RETURN count(l) AS links, count(CASE WHEN NOT b IN local THEN 1 END) AS away
  }
  RETURN count(a) AS actors, count(CASE WHEN a.formal THEN 1 END) AS formalActors,
         count(CASE WHEN links > 0 OR EXISTS { (a)-[:KNOWS|REFERS_TO|ATTENDED]-() } THEN 1 END) AS linkedActors,
         sum(links) AS links, sum(away) AS linksToOtherNeighbourhoods
}
RETURN n.code AS neighbourhood, n.nameFr AS name, actors, formalActors, linkedActors,
       actors - linkedActors AS isolatedActors, links, linksToOtherNeighbourhoods
ORDER BY neighbourhood
