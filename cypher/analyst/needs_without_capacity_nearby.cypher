// Open needs with no capacity within walking distance
//
// Question: How many open needs have nobody (no actor, no resident) offering their help category within walking
//   distance, as the crow flies? By neighbourhood and category: where help is missing on foot.
// Parameters:
//   $walkMetres integer = 800  how far "walking distance" is, in metres
//   $category string = null  a help category code; null for every category
// Chart: bar category needsWithoutCapacity
// Example result:
//   neighbourhood | name            | category      | needsWithoutCapacity | gap
//   JET-BAUDOUIN  | Parc Baudouin   | respite_care  | 6                    | true
//   JET-GARE      | Gare de Jette   | language_help | null                 | true
// Counts from 1 to 4 are shown as null (gap stays true). Residents' and private actors' locations in the analyst
// graph are blurred to 250 m, so distances are exact to about 180 m.
MATCH (need:Need {status: 'OPEN'})-[:FOR]->(c:HelpCategory)
WHERE $category IS NULL OR c.code = $category
WITH need, c, 'Offers_' + c.code AS label
WHERE NOT EXISTS {
        MATCH (a:Actor)
        WHERE point.distance(a.location, need.location) <= $walkMetres AND label IN labels(a)
      }
  AND NOT EXISTS {
        MATCH (r:Resident)
        WHERE point.distance(r.location, need.location) <= $walkMetres AND label IN labels(r)
      }
MATCH (need)-[:LOCATED_IN]->(n:Neighbourhood)
WITH n, c, count(need) AS needs
RETURN n.code AS neighbourhood, n.nameFr AS name, c.code AS category,
       CASE WHEN needs < 5 THEN null ELSE needs END AS needsWithoutCapacity, true AS gap
ORDER BY needs DESC, neighbourhood, category
