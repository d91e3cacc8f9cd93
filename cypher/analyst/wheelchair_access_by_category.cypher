// Wheelchair access by help category
//
// Question: For each help category, how many of the formal actors offering it are wheelchair accessible (YES),
//   partly (LIMITED), not (NO), or not known?
// Parameters:
//   $neighbourhood string = null  a neighbourhood code; null for every neighbourhood
// Chart: bar category accessible,limited,notAccessible,unknown
// Example result:
//   category         | actors | accessible | limited | notAccessible | unknown | accessibleShare
//   general_practice | 8      | 8          | 0       | 0             | 0       | 1.0
//   physiotherapy    | 4      | 0          | 4       | 0             | 0       | 0.0
MATCH (a:Actor)-[:OFFERS]->(c:HelpCategory)
WHERE a.formal = true
  AND ($neighbourhood IS NULL OR EXISTS { (a)-[:LOCATED_IN]->(:Neighbourhood {code: $neighbourhood}) })
WITH DISTINCT c, a
WITH c, count(a) AS actors,
     count(CASE WHEN a.wheelchair = 'YES' THEN 1 END) AS accessible,
     count(CASE WHEN a.wheelchair = 'LIMITED' THEN 1 END) AS limited,
     count(CASE WHEN a.wheelchair = 'NO' THEN 1 END) AS notAccessible
RETURN c.code AS category, actors, accessible, limited, notAccessible,
       actors - accessible - limited - notAccessible AS unknown, round(1.0 * accessible / actors, 2) AS accessibleShare
ORDER BY accessibleShare, category
