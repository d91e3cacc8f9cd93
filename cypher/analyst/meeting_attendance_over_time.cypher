// Care meeting attendance over time
//
// Question: How many care meetings were held per neighbourhood and quarter, how many actors came, and how many
//   came for the first time?
// Parameters:
//   $since date = null  meetings on or after this day; null for all
//   $neighbourhood string = null  a neighbourhood code; null for every neighbourhood
// Chart: line quarter attendances,firstTimeAttendees
// Example result:
//   neighbourhood | quarter | meetings | attendances | actors | firstTimeAttendees
//   JET-GARE      | 2026-Q1 | 1        | 18          | 18     | 18
//   JET-GARE      | 2026-Q2 | 1        | 21          | 21     | 7
MATCH (m:CareMeeting)
WITH m, date(m.date) AS day, COLLECT { MATCH (m)-[:HELD_IN]->(n:Neighbourhood) RETURN n.code }[0] AS neighbourhood
WHERE ($since IS NULL OR day >= $since) AND ($neighbourhood IS NULL OR neighbourhood = $neighbourhood)
OPTIONAL MATCH (a:Actor)-[:ATTENDED]->(m)
WITH m, a, coalesce(neighbourhood, '(none)') AS neighbourhood,
     toString(day.year) + '-Q' + toString((day.month + 2) / 3) AS quarter,
     a IS NOT NULL AND NOT EXISTS { MATCH (a)-[:ATTENDED]->(earlier:CareMeeting) WHERE date(earlier.date) < day } AS firstTime
RETURN neighbourhood, quarter, count(DISTINCT m) AS meetings, count(a) AS attendances, count(DISTINCT a) AS actors,
       count(CASE WHEN firstTime THEN 1 END) AS firstTimeAttendees
ORDER BY neighbourhood, quarter
