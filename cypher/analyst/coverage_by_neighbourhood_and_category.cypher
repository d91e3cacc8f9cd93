// Coverage by neighbourhood and help category
//
// Question: For each neighbourhood and help category, how many actors and residents offer it, and how many open
//   needs ask for it? A gap is a row with open needs and few or no capacities.
// Parameters:
//   $category string = null  a help category code, such as 'shopping'; null for every category
//   $neighbourhood string = null  a neighbourhood code, such as 'JET-GARE'; null for every neighbourhood
// Chart: bar category actors,residents,openNeeds
// Example result:
//   neighbourhood | name          | category     | sector   | actors | residents | openNeeds
//   JET-GARE      | Gare de Jette | shopping     | INFORMAL | 3      | null      | 0
//   JET-GARE      | Gare de Jette | home_nursing | HEALTH   | 1      | 0         | null
// Counts of residents and of needs from 1 to 4 are shown as null: groups that small are not shown.
CALL () {
  MATCH (o)-[:OFFERS]->(c:HelpCategory)
  WHERE $category IS NULL OR c.code = $category
  MATCH (o)-[:LOCATED_IN|LIVES_IN]->(n:Neighbourhood)
  WHERE $neighbourhood IS NULL OR n.code = $neighbourhood
  RETURN n, c, count(DISTINCT CASE WHEN o:Actor THEN o END) AS actors,
         count(DISTINCT CASE WHEN o:Resident THEN o END) AS residents, 0 AS openNeeds
  UNION ALL
  MATCH (need:Need {status: 'OPEN'})-[:FOR]->(c:HelpCategory)
  WHERE $category IS NULL OR c.code = $category
  MATCH (need)-[:LOCATED_IN]->(n:Neighbourhood)
  WHERE $neighbourhood IS NULL OR n.code = $neighbourhood
  RETURN n, c, 0 AS actors, 0 AS residents, count(need) AS openNeeds
}
WITH n, c, sum(actors) AS actors, sum(residents) AS residents, sum(openNeeds) AS openNeeds
RETURN n.code AS neighbourhood, n.nameFr AS name, c.code AS category, c.sector AS sector, actors,
       CASE WHEN residents > 0 AND residents < 5 THEN null ELSE residents END AS residents,
       CASE WHEN openNeeds > 0 AND openNeeds < 5 THEN null ELSE openNeeds END AS openNeeds
ORDER BY neighbourhood, category
