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
  // Each owner carries one Offers_<code> label per category it offers: counting labels needs no OFFERS expansion.
  MATCH (n:Neighbourhood)<-[:LOCATED_IN|LIVES_IN]-(o)
  WHERE $neighbourhood IS NULL OR n.code = $neighbourhood
  WITH n, labels(o) AS labels
  WITH n, 'Actor' IN labels AS actor, [label IN labels WHERE label STARTS WITH 'Offers_'] AS offered
  UNWIND offered AS label
  WITH n, actor, substring(label, 7) AS code
  WHERE $category IS NULL OR code = $category
  RETURN n, code, count(CASE WHEN actor THEN 1 END) AS actors, count(CASE WHEN NOT actor THEN 1 END) AS residents,
         0 AS openNeeds
  UNION ALL
  MATCH (need:Need {status: 'OPEN'})-[:FOR]->(c:HelpCategory)
  WHERE $category IS NULL OR c.code = $category
  MATCH (need)-[:LOCATED_IN]->(n:Neighbourhood)
  WHERE $neighbourhood IS NULL OR n.code = $neighbourhood
  RETURN n, c.code AS code, 0 AS actors, 0 AS residents, count(need) AS openNeeds
}
WITH n, code, sum(actors) AS actors, sum(residents) AS residents, sum(openNeeds) AS openNeeds
MATCH (c:HelpCategory {code: code})
RETURN n.code AS neighbourhood, n.nameFr AS name, c.code AS category, c.sector AS sector, actors,
       CASE WHEN residents > 0 AND residents < 5 THEN null ELSE residents END AS residents,
       CASE WHEN openNeeds > 0 AND openNeeds < 5 THEN null ELSE openNeeds END AS openNeeds
ORDER BY neighbourhood, category
