// Referral points at work
//
// Question: What do the information and referral points do: how many needs did each register on someone's behalf,
//   to how many actors does it refer, for which kinds of help, and does it take part in care meetings?
// Parameters:
//   (none)
// Chart: bar name needsRegistered,actorsReferredTo
// Example result:
//   actor   | name                                | neighbourhood | needsRegistered | actorsReferredTo | categoriesReferred      | meetingsAttended
//   5b1c... | Point info santé-social Jette (demo)| JET-CENTRE    | 12              | 9                | ["paperwork","meals"]   | 3
// needsRegistered from 1 to 4 is shown as null.
MATCH (a:ReferralPoint)
WITH a, COUNT { (a)-[:REGISTERED]->(:Need) } AS registered
RETURN CASE WHEN a.visibility = 'PUBLIC' OR a.pseudonymised THEN a.id END AS actor,
       CASE WHEN a.visibility = 'PUBLIC' OR a.pseudonymised THEN a.name ELSE 'private ' + toLower(a.kind) END AS name,
       COLLECT { MATCH (a)-[:LOCATED_IN]->(n:Neighbourhood) RETURN n.code }[0] AS neighbourhood,
       CASE WHEN registered > 0 AND registered < 5 THEN null ELSE registered END AS needsRegistered,
       COUNT { MATCH (a)-[:REFERS_TO]->(b:Actor) RETURN DISTINCT b } AS actorsReferredTo,
       COLLECT { MATCH (a)-[r:REFERS_TO]->(:Actor) UNWIND coalesce(r.categories, []) AS code
                 RETURN DISTINCT code ORDER BY code } AS categoriesReferred,
       COUNT { (a)-[:ATTENDED]->(:CareMeeting) } AS meetingsAttended
ORDER BY actorsReferredTo DESC, name
