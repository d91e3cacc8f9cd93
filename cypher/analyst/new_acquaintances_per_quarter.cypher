// New acquaintances per quarter
//
// Question: How many pairs of actors got to know each other (KNOWS, since) each quarter, and how many of those new
//   links cross a neighbourhood border or a sector border? What the care meetings bring.
// Parameters:
//   $since date = null  links made on or after this day; null for all
// Chart: line quarter newLinks,acrossNeighbourhoods,acrossSectors
// Example result:
//   quarter | newLinks | acrossNeighbourhoods | acrossSectors
//   2026-Q1 | 24       | 7                    | 15
//   2026-Q2 | 31       | 9                    | 18
MATCH (a:Actor)-[k:KNOWS]->(b:Actor)
WHERE k.since IS NOT NULL AND ($since IS NULL OR date(k.since) >= $since)
WITH a, b, date(k.since) AS day,
     COLLECT { MATCH (a)-[:LOCATED_IN]->(n:Neighbourhood) RETURN n.code }[0] AS na,
     COLLECT { MATCH (b)-[:LOCATED_IN]->(n:Neighbourhood) RETURN n.code }[0] AS nb,
     CASE WHEN a.formal = false THEN 'INFORMAL'
          ELSE COLLECT { MATCH (a)-[:OFFERS]->(c:HelpCategory) RETURN c.sector ORDER BY c.sector }[0] END AS sa,
     CASE WHEN b.formal = false THEN 'INFORMAL'
          ELSE COLLECT { MATCH (b)-[:OFFERS]->(c:HelpCategory) RETURN c.sector ORDER BY c.sector }[0] END AS sb
RETURN toString(day.year) + '-Q' + toString((day.month + 2) / 3) AS quarter, count(*) AS newLinks,
       count(CASE WHEN na <> nb THEN 1 END) AS acrossNeighbourhoods,
       count(CASE WHEN sa <> sb THEN 1 END) AS acrossSectors
ORDER BY quarter
