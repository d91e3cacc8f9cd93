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
MATCH (a:Actor)
WHERE EXISTS { (a)-[:REFERS_TO]->(:Actor) }
  AND ($neighbourhood IS NULL OR EXISTS { (a)-[:LOCATED_IN]->(:Neighbourhood {code: $neighbourhood}) })
WITH a, [(a)-[:OFFERS]->(c:HelpCategory) | c.sector] AS offered
WITH a, CASE WHEN a.formal = false THEN 'INFORMAL' WHEN size(offered) = 0 THEN 'UNKNOWN'
          ELSE reduce(best = offered[0], s IN offered |
                 CASE WHEN size([o IN offered WHERE o = s]) > size([o IN offered WHERE o = best])
                        OR (size([o IN offered WHERE o = s]) = size([o IN offered WHERE o = best]) AND s < best)
                      THEN s ELSE best END) END AS fromSector
MATCH (a)-[r:REFERS_TO]->(:Actor)
UNWIND coalesce(r.categories, []) AS code
WITH code, fromSector, count(*) AS referrals
MATCH (c:HelpCategory {code: code})
RETURN c.code AS category, c.sector AS categorySector, sum(referrals) AS referrals,
       sum(CASE WHEN fromSector = 'INFORMAL' THEN referrals ELSE 0 END) AS fromInformal,
       sum(CASE WHEN fromSector = 'HEALTH' THEN referrals ELSE 0 END) AS fromHealth,
       sum(CASE WHEN fromSector = 'SOCIAL' THEN referrals ELSE 0 END) AS fromSocial
ORDER BY referrals DESC, category
