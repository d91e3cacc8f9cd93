// Referrals by the sector of what they are for
//
// Question: For which kinds of help do actors refer people on, and across which sectors? Each category listed on a
//   referral relationship (REFERS_TO.categories), with the sector of the referring actor's own offer.
// Parameters:
//   $neighbourhood string = null  only referrals from actors of this neighbourhood; null for all
// Chart: bar category referrals
// Example result:
//   category        | categorySector | referrals | fromInformal | fromHealth | fromSocial
//   paperwork       | SOCIAL         | 9         | 2            | 4          | 3
//   home_nursing    | HEALTH         | 5         | 3            | 0          | 2
MATCH (a:Actor)-[r:REFERS_TO]->(:Actor)
WHERE $neighbourhood IS NULL OR EXISTS { (a)-[:LOCATED_IN]->(:Neighbourhood {code: $neighbourhood}) }
UNWIND coalesce(r.categories, []) AS code
MATCH (c:HelpCategory {code: code})
WITH c, r,
     CASE WHEN a.formal = false THEN 'INFORMAL'
          ELSE coalesce(COLLECT { MATCH (a)-[:OFFERS]->(o:HelpCategory)
                                  WITH o.sector AS sector, count(*) AS offered
                                  RETURN sector ORDER BY offered DESC, sector LIMIT 1 }[0], 'UNKNOWN') END AS fromSector
RETURN c.code AS category, c.sector AS categorySector, count(r) AS referrals,
       count(CASE WHEN fromSector = 'INFORMAL' THEN 1 END) AS fromInformal,
       count(CASE WHEN fromSector = 'HEALTH' THEN 1 END) AS fromHealth,
       count(CASE WHEN fromSector = 'SOCIAL' THEN 1 END) AS fromSocial
ORDER BY referrals DESC, category
