// Referral flows between sectors
//
// Question: Who refers to whom between health, social and informal help? Referral relationships (REFERS_TO)
//   counted from the sector of the referring actor to the sector of the actor referred to. An actor's sector is
//   INFORMAL for neighbours, volunteers and informal carers, else the sector of most of the categories it offers
//   (on a tie, the first of HEALTH, INFORMAL, SOCIAL), UNKNOWN when it offers none.
// Parameters:
//   $neighbourhood string = null  only referrals from actors of this neighbourhood; null for all
// Chart: bar flow referrals
// Example result:
//   fromSector | toSector | flow              | referrals | referringActors | actorsReferredTo
//   SOCIAL     | HEALTH   | SOCIAL -> HEALTH  | 14        | 6               | 9
//   HEALTH     | SOCIAL   | HEALTH -> SOCIAL  | 11        | 7               | 5
MATCH (a:Actor)
WHERE EXISTS { (a)-[:REFERS_TO]->(:Actor) }
  AND ($neighbourhood IS NULL OR EXISTS { (a)-[:LOCATED_IN]->(:Neighbourhood {code: $neighbourhood}) })
// Each actor's sector once: the referring ones here, the ones referred to after grouping on them.
WITH a, [(a)-[:OFFERS]->(c:HelpCategory) | c.sector] AS offered
WITH a, CASE WHEN a.formal = false THEN 'INFORMAL' WHEN size(offered) = 0 THEN 'UNKNOWN'
          ELSE reduce(best = offered[0], s IN offered |
                 CASE WHEN size([o IN offered WHERE o = s]) > size([o IN offered WHERE o = best])
                        OR (size([o IN offered WHERE o = s]) = size([o IN offered WHERE o = best]) AND s < best)
                      THEN s ELSE best END) END AS fromSector
MATCH (a)-[:REFERS_TO]->(b:Actor)
WITH b, fromSector, collect(a) AS referrers
WITH b, fromSector, referrers, [(b)-[:OFFERS]->(c:HelpCategory) | c.sector] AS offered
WITH b, fromSector, referrers, CASE WHEN b.formal = false THEN 'INFORMAL' WHEN size(offered) = 0 THEN 'UNKNOWN'
          ELSE reduce(best = offered[0], s IN offered |
                 CASE WHEN size([o IN offered WHERE o = s]) > size([o IN offered WHERE o = best])
                        OR (size([o IN offered WHERE o = s]) = size([o IN offered WHERE o = best]) AND s < best)
                      THEN s ELSE best END) END AS toSector
UNWIND referrers AS a
RETURN fromSector, toSector, fromSector + ' -> ' + toSector AS flow, count(*) AS referrals,
       count(DISTINCT a) AS referringActors, count(DISTINCT b) AS actorsReferredTo
ORDER BY referrals DESC, flow
