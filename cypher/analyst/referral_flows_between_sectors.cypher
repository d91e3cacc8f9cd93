// Referral flows between sectors
//
// Question: Who refers to whom between health, social and informal help? Referral relationships (REFERS_TO)
//   counted from the sector of the referring actor to the sector of the actor referred to. An actor's sector is
//   INFORMAL for neighbours, volunteers and informal carers, else the sector of most of the categories it offers.
// Parameters:
//   $neighbourhood string = null  only referrals from actors of this neighbourhood; null for all
// Chart: bar flow referrals
// Example result:
//   fromSector | toSector | flow              | referrals | referringActors | actorsReferredTo
//   SOCIAL     | HEALTH   | SOCIAL -> HEALTH  | 14        | 6               | 9
//   HEALTH     | SOCIAL   | HEALTH -> SOCIAL  | 11        | 7               | 5
MATCH (a:Actor)-[r:REFERS_TO]->(b:Actor)
WHERE $neighbourhood IS NULL OR EXISTS { (a)-[:LOCATED_IN]->(:Neighbourhood {code: $neighbourhood}) }
WITH a, b, r,
     CASE WHEN a.formal = false THEN 'INFORMAL'
          ELSE coalesce(COLLECT { MATCH (a)-[:OFFERS]->(c:HelpCategory)
                                  WITH c.sector AS sector, count(*) AS offered
                                  RETURN sector ORDER BY offered DESC, sector LIMIT 1 }[0], 'UNKNOWN') END AS fromSector,
     CASE WHEN b.formal = false THEN 'INFORMAL'
          ELSE coalesce(COLLECT { MATCH (b)-[:OFFERS]->(c:HelpCategory)
                                  WITH c.sector AS sector, count(*) AS offered
                                  RETURN sector ORDER BY offered DESC, sector LIMIT 1 }[0], 'UNKNOWN') END AS toSector
RETURN fromSector, toSector, fromSector + ' -> ' + toSector AS flow, count(r) AS referrals,
       count(DISTINCT a) AS referringActors, count(DISTINCT b) AS actorsReferredTo
ORDER BY referrals DESC, flow
