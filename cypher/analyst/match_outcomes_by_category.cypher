// Match outcomes by help category
//
// Question: Of the matches proposed for each kind of help, how many were validated, are active, were closed or
//   declined? Where do matches fail?
// Parameters:
//   $since date = null  matches made on or after this day (Match.createdAt); null for all
// Chart: bar category matches,declined
// Example result:
//   category   | matches | proposed | validated | active | closed | declined | declinedShare
//   shopping   | 14      | null     | 0         | 5      | 6      | null     | 0.14
// Counts from 1 to 4 are shown as null, and the share with them.
MATCH (m:Match)-[:FOR_NEED]->(:Need)-[:FOR]->(c:HelpCategory)
WHERE $since IS NULL OR m.createdAt IS NULL OR date(m.createdAt) >= $since
WITH c, count(m) AS matches,
     count(CASE WHEN m.status = 'PROPOSED' THEN 1 END) AS proposed,
     count(CASE WHEN m.status = 'VALIDATED' THEN 1 END) AS validated,
     count(CASE WHEN m.status = 'ACTIVE' THEN 1 END) AS active,
     count(CASE WHEN m.status = 'CLOSED' THEN 1 END) AS closed,
     count(CASE WHEN m.status = 'DECLINED' THEN 1 END) AS declined
RETURN c.code AS category,
       CASE WHEN matches < 5 THEN null ELSE matches END AS matches,
       CASE WHEN proposed > 0 AND proposed < 5 THEN null ELSE proposed END AS proposed,
       CASE WHEN validated > 0 AND validated < 5 THEN null ELSE validated END AS validated,
       CASE WHEN active > 0 AND active < 5 THEN null ELSE active END AS active,
       CASE WHEN closed > 0 AND closed < 5 THEN null ELSE closed END AS closed,
       CASE WHEN declined > 0 AND declined < 5 THEN null ELSE declined END AS declined,
       CASE WHEN matches < 5 OR (declined > 0 AND declined < 5) THEN null ELSE round(1.0 * declined / matches, 2) END AS declinedShare
ORDER BY matches DESC, category
