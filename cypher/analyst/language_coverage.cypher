// Language coverage against needs
//
// Question: In each neighbourhood, which languages do people with open needs speak (the language asked for on the
//   need, else the resident's languages), and how many formal and informal actors there speak them?
// Parameters:
//   $neighbourhood string = null  a neighbourhood code; null for every neighbourhood
// Chart: bar language openNeeds,formalActors,informalActors
// Example result:
//   neighbourhood | language | openNeeds | formalActors | informalActors | covered
//   JET-GARE      | fr       | 7         | 9            | 4              | true
//   JET-GARE      | tr       | null      | 0            | 0              | false
// Counts of needs from 1 to 4 are shown as null.
CALL () {
  MATCH (need:Need {status: 'OPEN'})-[:LOCATED_IN]->(n:Neighbourhood)
  WHERE $neighbourhood IS NULL OR n.code = $neighbourhood
  WITH n, need,
       CASE WHEN need.language IS NOT NULL THEN [need.language]
            ELSE coalesce(COLLECT { MATCH (r:Resident)-[:HAS_NEED]->(need) RETURN r.languages }[0], []) END AS languages
  UNWIND languages AS language
  RETURN n, language, count(DISTINCT need) AS needs, 0 AS formalActors, 0 AS informalActors
  UNION ALL
  MATCH (a:Actor)-[:LOCATED_IN]->(n:Neighbourhood)
  WHERE $neighbourhood IS NULL OR n.code = $neighbourhood
  UNWIND a.languages AS language
  RETURN n, language, 0 AS needs, count(CASE WHEN a.formal THEN 1 END) AS formalActors,
         count(CASE WHEN NOT a.formal THEN 1 END) AS informalActors
}
WITH n, language, sum(needs) AS needs, sum(formalActors) AS formalActors, sum(informalActors) AS informalActors
WHERE needs > 0
RETURN n.code AS neighbourhood, language, CASE WHEN needs < 5 THEN null ELSE needs END AS openNeeds,
       formalActors, informalActors, formalActors + informalActors > 0 AS covered
ORDER BY neighbourhood, covered, needs DESC, language
