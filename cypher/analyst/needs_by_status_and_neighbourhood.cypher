// Needs by status and neighbourhood
//
// Question: How many needs are open, matched, closed or cancelled in each neighbourhood, and how long have the open
//   ones been waiting?
// Parameters:
//   $category string = null  a help category code; null for every category
// Chart: bar neighbourhood open,matched,closed
// Example result:
//   neighbourhood | open | matched | closed | cancelled | openForMoreThan30Days
//   JET-GARE      | 10   | null    | 0      | 0         | 6
// Counts from 1 to 4 are shown as null.
MATCH (need:Need)-[:LOCATED_IN]->(n:Neighbourhood)
WHERE $category IS NULL OR EXISTS { (need)-[:FOR]->(:HelpCategory {code: $category}) }
WITH n, count(CASE WHEN need.status = 'OPEN' THEN 1 END) AS open,
     count(CASE WHEN need.status = 'MATCHED' THEN 1 END) AS matched,
     count(CASE WHEN need.status = 'CLOSED' THEN 1 END) AS closed,
     count(CASE WHEN need.status = 'CANCELLED' THEN 1 END) AS cancelled,
     count(CASE WHEN need.status = 'OPEN' AND need.createdAt < datetime() - duration({days: 30}) THEN 1 END) AS waiting
RETURN n.code AS neighbourhood,
       CASE WHEN open > 0 AND open < 5 THEN null ELSE open END AS open,
       CASE WHEN matched > 0 AND matched < 5 THEN null ELSE matched END AS matched,
       CASE WHEN closed > 0 AND closed < 5 THEN null ELSE closed END AS closed,
       CASE WHEN cancelled > 0 AND cancelled < 5 THEN null ELSE cancelled END AS cancelled,
       CASE WHEN waiting > 0 AND waiting < 5 THEN null ELSE waiting END AS openForMoreThan30Days
ORDER BY neighbourhood
