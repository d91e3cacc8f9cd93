// Evenings and weekends left uncovered, by neighbourhood and category
//
// Question: For each neighbourhood and help category offered by formal actors there, is any of them open on a
//   weekday evening, and is any open at the weekend? Rows with 0 are the times nobody covers.
// Parameters:
//   $neighbourhood string = null  a neighbourhood code; null for every neighbourhood
//   $eveningFrom integer = 18  the hour weekday evenings start
//   $eveningTo integer = 22  the hour weekday evenings end
// Chart: bar category actors,openWeekdayEvenings,openWeekends
// Example result:
//   neighbourhood | category         | actors | openWeekdayEvenings | openWeekends | eveningsUncovered | weekendsUncovered
//   JET-GARE      | pharmacy         | 1      | 1                   | 1            | false             | false
//   JET-GARE      | general_practice | 2      | 2                   | 0            | false             | true
MATCH (a:Actor)-[:OFFERS]->(c:HelpCategory)
WHERE a.formal = true AND a.openSlots IS NOT NULL
MATCH (a)-[:LOCATED_IN]->(n:Neighbourhood)
WHERE $neighbourhood IS NULL OR n.code = $neighbourhood
WITH DISTINCT n, c, a
WITH n, c, a,
     any(s IN a.openSlots WHERE s < 240 AND s % 48 >= $eveningFrom * 2 AND s % 48 < $eveningTo * 2) AS evenings,
     any(s IN a.openSlots WHERE s >= 240) AS weekends
WITH n, c, count(a) AS actors, count(CASE WHEN evenings THEN 1 END) AS openWeekdayEvenings,
     count(CASE WHEN weekends THEN 1 END) AS openWeekends
RETURN n.code AS neighbourhood, c.code AS category, actors, openWeekdayEvenings, openWeekends,
       openWeekdayEvenings = 0 AS eveningsUncovered, openWeekends = 0 AS weekendsUncovered
ORDER BY neighbourhood, category
