// Actors closed in the evening or at the weekend
//
// Question: Which formal actors are never open on a weekday evening or never open at the weekend, going by their
//   opening hours? (Opening hours are laid out on a week of half-hour slots: slot = (dayOfWeek - 1) * 48 +
//   minuteOfDay / 30, Monday 00:00 is slot 0, Saturday 00:00 is slot 240.)
// Parameters:
//   $category string = null  only actors offering this help category; null for all
//   $eveningFrom integer = 18  the hour weekday evenings start
//   $eveningTo integer = 22  the hour weekday evenings end
//   $limit integer = 500  how many actors at most
// Example result:
//   neighbourhood | actor   | name                  | kind         | openingHours       | openWeekdayEvenings | openWeekends | offers
//   JET-GARE      | 3a9e... | CPAS de Jette (demo)  | ORGANISATION | Mo-Fr 08:30-12:00  | false               | false        | ["paperwork"]
//   JET-WOESTE    | 77d0... | École Woeste (demo)   | SCHOOL       | Mo-Fr 15:30-17:00  | false               | false        | ["homework_support"]
// Actors without opening hours are left out: unknown hours are not "closed".
MATCH (a:Actor)
WHERE a.formal = true AND a.openSlots IS NOT NULL
  AND ($category IS NULL OR EXISTS { (a)-[:OFFERS]->(:HelpCategory {code: $category}) })
WITH a, any(s IN a.openSlots WHERE s < 240 AND s % 48 >= $eveningFrom * 2 AND s % 48 < $eveningTo * 2) AS evenings,
     any(s IN a.openSlots WHERE s >= 240) AS weekends
WHERE NOT evenings OR NOT weekends
RETURN COLLECT { MATCH (a)-[:LOCATED_IN]->(n:Neighbourhood) RETURN n.code }[0] AS neighbourhood,
       CASE WHEN a.visibility = 'PUBLIC' OR a.pseudonymised THEN a.id END AS actor,
       CASE WHEN a.visibility = 'PUBLIC' OR a.pseudonymised THEN a.name ELSE 'private ' + toLower(a.kind) END AS name,
       a.kind AS kind, a.openingHours AS openingHours,
       evenings AS openWeekdayEvenings, weekends AS openWeekends,
       COLLECT { MATCH (a)-[:OFFERS]->(c:HelpCategory) RETURN DISTINCT c.code ORDER BY c.code } AS offers
ORDER BY neighbourhood, name
LIMIT $limit
