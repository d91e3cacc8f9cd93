// Demand and supply by help category
//
// Question: For each help category, across all neighbourhoods: how many needs are open and how many were met,
//   how many actors and residents offer it, and how many open needs are there per one of them?
// Parameters:
//   $sector string = null  HEALTH, SOCIAL or INFORMAL; null for all
// Chart: bar category openNeeds,actorsOffering,residentsOffering
// Example result:
//   category       | sector   | openNeeds | matchedOrClosedNeeds | actorsOffering | residentsOffering | openNeedsPerOffer
//   respite_care   | INFORMAL | 9         | null                 | 2              | 0                 | 4.5
//   shopping       | INFORMAL | 6         | 5                    | 11             | 8                 | 0.32
// Counts of needs and of residents from 1 to 4 are shown as null, and so is the ratio built on them.
// The owners offering each category, counted once from their Offers_<code> labels (no OFFERS expansion).
CALL () {
  MATCH (o:Actor|Resident)
  WITH labels(o) AS labels
  WITH 'Actor' IN labels AS actor, [label IN labels WHERE label STARTS WITH 'Offers_'] AS offered
  UNWIND offered AS label
  WITH substring(label, 7) AS code, count(CASE WHEN actor THEN 1 END) AS actors, count(CASE WHEN NOT actor THEN 1 END) AS residents
  RETURN collect([code, actors, residents]) AS offers
}
MATCH (c:HelpCategory)
WHERE ($sector IS NULL OR c.sector = $sector) AND EXISTS { (c)-[:BROADER]->() }
CALL (c) {
  MATCH (need:Need)-[:FOR]->(c)
  RETURN count(CASE WHEN need.status = 'OPEN' THEN 1 END) AS openNeeds,
         count(CASE WHEN need.status IN ['MATCHED', 'CLOSED'] THEN 1 END) AS metNeeds
}
WITH c, openNeeds, metNeeds, coalesce([offer IN offers WHERE offer[0] = c.code][0], [c.code, 0, 0]) AS offer
WITH c, openNeeds, metNeeds, offer[1] AS actors, offer[2] AS residents
RETURN c.code AS category, c.sector AS sector,
       CASE WHEN openNeeds > 0 AND openNeeds < 5 THEN null ELSE openNeeds END AS openNeeds,
       CASE WHEN metNeeds > 0 AND metNeeds < 5 THEN null ELSE metNeeds END AS matchedOrClosedNeeds,
       actors AS actorsOffering,
       CASE WHEN residents > 0 AND residents < 5 THEN null ELSE residents END AS residentsOffering,
       CASE WHEN (openNeeds > 0 AND openNeeds < 5) OR (residents > 0 AND residents < 5) OR actors + residents = 0 THEN null
            ELSE round(1.0 * openNeeds / (actors + residents), 2) END AS openNeedsPerOffer
ORDER BY openNeeds DESC, category
