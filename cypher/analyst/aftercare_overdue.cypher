// After care overdue
//
// Question: Where is after care late? Matches whose after-care date (Match.dueDate) has passed while the match is
//   not closed or declined, counted by neighbourhood and category, with how late the latest one is.
// Parameters:
//   $today date = null  the day to count from; null for today
// Chart: bar neighbourhood overdue
// Example result:
//   neighbourhood | category       | overdue | mostDaysLate
//   JET-GARE      | shopping       | 6       | 41
//   JET-CENTRE    | home_nursing   | null    | 12
// Counts from 1 to 4 are shown as null.
MATCH (m:Match)-[:FOR_NEED]->(need:Need)
WHERE m.dueDate IS NOT NULL AND date(m.dueDate) < coalesce($today, date())
  AND NOT coalesce(m.status, '') IN ['CLOSED', 'DECLINED', 'CANCELLED', 'DONE']
OPTIONAL MATCH (need)-[:FOR]->(c:HelpCategory)
OPTIONAL MATCH (need)-[:LOCATED_IN]->(n:Neighbourhood)
WITH coalesce(n.code, '(none)') AS neighbourhood, coalesce(c.code, '(none)') AS category, count(m) AS overdue,
     max(duration.inDays(date(m.dueDate), coalesce($today, date())).days) AS mostDaysLate
RETURN neighbourhood, category, CASE WHEN overdue < 5 THEN null ELSE overdue END AS overdue, mostDaysLate
ORDER BY mostDaysLate DESC, neighbourhood, category
