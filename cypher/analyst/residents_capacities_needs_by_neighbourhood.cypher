// Residents, capacities and needs by neighbourhood
//
// Question: In each neighbourhood, how many residents are registered, how many of them offer help, how many
//   capacities do residents and actors offer, and how many needs are open, per 100 registered residents?
// Parameters:
//   (none)
// Chart: bar neighbourhood residents,residentsOffering,openNeeds
// Example result:
//   neighbourhood | name          | residents | residentsOffering | residentCapacities | actorCapacities | openNeeds | openNeedsPer100Residents
//   JET-GARE      | Gare de Jette | 30        | 7                 | 7                  | 31              | 10        | 33.3
// Counts of residents and needs from 1 to 4 are shown as null, and so is the ratio built on them.
MATCH (n:Neighbourhood)
CALL (n) {
  MATCH (r:Resident)-[:LIVES_IN]->(n)
  WITH r, COUNT { (r)-[:OFFERS]->() } AS offers
  RETURN count(r) AS residents, count(CASE WHEN offers > 0 THEN 1 END) AS residentsOffering,
         sum(offers) AS residentCapacities
}
CALL (n) {
  MATCH (a:Actor)-[:LOCATED_IN]->(n)
  RETURN sum(COUNT { (a)-[:OFFERS]->() }) AS actorCapacities
}
CALL (n) {
  MATCH (need:Need {status: 'OPEN'})-[:LOCATED_IN]->(n)
  RETURN count(need) AS openNeeds
}
WITH n, residents, residentsOffering, residentCapacities, actorCapacities, openNeeds,
     residents > 0 AND residents < 5 AS fewResidents, openNeeds > 0 AND openNeeds < 5 AS fewNeeds
RETURN n.code AS neighbourhood, n.nameFr AS name,
       CASE WHEN fewResidents THEN null ELSE residents END AS residents,
       CASE WHEN residentsOffering > 0 AND residentsOffering < 5 THEN null ELSE residentsOffering END AS residentsOffering,
       CASE WHEN residentCapacities > 0 AND residentCapacities < 5 THEN null ELSE residentCapacities END AS residentCapacities,
       actorCapacities,
       CASE WHEN fewNeeds THEN null ELSE openNeeds END AS openNeeds,
       CASE WHEN fewResidents OR fewNeeds OR residents = 0 THEN null
            ELSE round(100.0 * openNeeds / residents, 1) END AS openNeedsPer100Residents
ORDER BY neighbourhood
