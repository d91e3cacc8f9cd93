// New acquaintances per quarter
//
// Question: How many pairs of actors got to know each other (KNOWS, since) each quarter, and how many of those new
//   links cross a neighbourhood border or a sector border (sectors as in referral_flows_between_sectors)? What
//   the care meetings bring.
// Parameters:
//   $since date = null  links made on or after this day; null for all
// Chart: line quarter newLinks,acrossNeighbourhoods,acrossSectors
// Example result:
//   quarter | newLinks | acrossNeighbourhoods | acrossSectors
//   2026-Q1 | 24       | 7                    | 15
//   2026-Q2 | 31       | 9                    | 18
MATCH (x:Actor)
WHERE EXISTS { (x)-[:KNOWS]-(:Actor) }
// Each actor's neighbourhood and sector once, then each KNOWS gets its two ends' by grouping on it.
WITH x, COLLECT { MATCH (x)-[:LOCATED_IN]->(n:Neighbourhood) RETURN n.code }[0] AS neighbourhood,
     [(x)-[:OFFERS]->(c:HelpCategory) | c.sector] AS offered
WITH x, neighbourhood,
     CASE WHEN x.formal = false THEN 'INFORMAL' WHEN size(offered) = 0 THEN 'UNKNOWN'
          ELSE reduce(best = offered[0], s IN offered |
                 CASE WHEN size([o IN offered WHERE o = s]) > size([o IN offered WHERE o = best])
                        OR (size([o IN offered WHERE o = s]) = size([o IN offered WHERE o = best]) AND s < best)
                      THEN s ELSE best END) END AS sector
MATCH (x)-[k:KNOWS]-(:Actor)
WHERE k.since IS NOT NULL AND ($since IS NULL OR date(k.since) >= $since)
WITH k, collect(neighbourhood) AS neighbourhoods, collect(sector) AS sectors
WITH date(k.since) AS day, neighbourhoods, sectors
RETURN toString(day.year) + '-Q' + toString((day.month + 2) / 3) AS quarter, count(*) AS newLinks,
       count(CASE WHEN neighbourhoods[0] <> neighbourhoods[1] THEN 1 END) AS acrossNeighbourhoods,
       count(CASE WHEN sectors[0] <> sectors[1] THEN 1 END) AS acrossSectors
ORDER BY quarter
