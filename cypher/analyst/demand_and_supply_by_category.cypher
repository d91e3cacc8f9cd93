// Demand and supply by help category
//
// Question: For each help category, across all neighbourhoods: how many needs are open and how many were met,
//   how many capacities do actors and residents offer, and how many open needs are there per capacity?
// Parameters:
//   $sector string = null  HEALTH, SOCIAL or INFORMAL; null for all
// Chart: bar category openNeeds,actorCapacities,residentCapacities
// Example result:
//   category       | sector   | openNeeds | matchedOrClosedNeeds | actorCapacities | residentCapacities | openNeedsPerCapacity
//   respite_care   | INFORMAL | 9         | null                 | 2               | 0                  | 4.5
//   shopping       | INFORMAL | 6         | 5                    | 11              | 8                  | 0.32
// Counts of needs and of residents' capacities from 1 to 4 are shown as null.
MATCH (c:HelpCategory)
WHERE ($sector IS NULL OR c.sector = $sector) AND EXISTS { (c)-[:BROADER]->() }
CALL (c) {
  MATCH (need:Need)-[:FOR]->(c)
  RETURN count(CASE WHEN need.status = 'OPEN' THEN 1 END) AS openNeeds,
         count(CASE WHEN need.status IN ['MATCHED', 'CLOSED'] THEN 1 END) AS metNeeds
}
CALL (c) {
  MATCH (o)-[:OFFERS]->(c)
  RETURN count(CASE WHEN o:Actor THEN 1 END) AS actorCapacities, count(CASE WHEN o:Resident THEN 1 END) AS residentCapacities
}
RETURN c.code AS category, c.sector AS sector,
       CASE WHEN openNeeds > 0 AND openNeeds < 5 THEN null ELSE openNeeds END AS openNeeds,
       CASE WHEN metNeeds > 0 AND metNeeds < 5 THEN null ELSE metNeeds END AS matchedOrClosedNeeds,
       actorCapacities,
       CASE WHEN residentCapacities > 0 AND residentCapacities < 5 THEN null ELSE residentCapacities END AS residentCapacities,
       CASE WHEN openNeeds > 0 AND openNeeds < 5 THEN null
            WHEN actorCapacities + residentCapacities = 0 THEN null
            ELSE round(1.0 * openNeeds / (actorCapacities + residentCapacities), 2) END AS openNeedsPerCapacity
ORDER BY openNeeds DESC, category
