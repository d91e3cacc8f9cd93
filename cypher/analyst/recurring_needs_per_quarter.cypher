// Recurring needs per neighbourhood and quarter
//
// Question: Which kinds of help are asked for again and again in a neighbourhood (quarter, quartier, wijk),
//   quarter of the year after quarter of the year? Needs by neighbourhood, category and calendar quarter, for the
//   categories that come back in at least $minQuarters quarters.
// Parameters:
//   $since date = null  count needs registered on or after this day; null for the last two years
//   $minQuarters integer = 2  in how many calendar quarters a category must come back to be shown
// Chart: line quarter needs
// Example result:
//   neighbourhood | category      | quartersWithNeeds | quarter | needs
//   JET-GARE      | paperwork     | 3                 | 2026-Q1 | 7
//   JET-GARE      | paperwork     | 3                 | 2026-Q2 | null
// Counts from 1 to 4 are shown as null.
MATCH (need:Need)-[:FOR]->(c:HelpCategory)
WHERE need.createdAt >= datetime({date: coalesce($since, date() - duration({years: 2}))})
MATCH (need)-[:LOCATED_IN]->(n:Neighbourhood)
WITH n, c, toString(need.createdAt.year) + '-Q' + toString((need.createdAt.month + 2) / 3) AS quarter, count(need) AS needs
ORDER BY quarter
WITH n, c, collect({quarter: quarter, needs: needs}) AS quarters
WHERE size(quarters) >= $minQuarters
UNWIND quarters AS q
RETURN n.code AS neighbourhood, c.code AS category, size(quarters) AS quartersWithNeeds, q.quarter AS quarter,
       CASE WHEN q.needs < 5 THEN null ELSE q.needs END AS needs
ORDER BY neighbourhood, category, quarter
