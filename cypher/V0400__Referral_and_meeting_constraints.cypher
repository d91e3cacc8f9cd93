// Issue 6: the decision tree, tracked referrals, care meetings and the glossary.
// (care_meeting_id and glossary_term_id already exist since V0001.)
CREATE CONSTRAINT decision_question_id IF NOT EXISTS FOR (q:DecisionQuestion) REQUIRE q.id IS UNIQUE;
CREATE CONSTRAINT decision_answer_id IF NOT EXISTS FOR (a:DecisionAnswer) REQUIRE a.id IS UNIQUE;
CREATE CONSTRAINT decision_tree_version_number IF NOT EXISTS FOR (v:DecisionTreeVersion) REQUIRE v.number IS UNIQUE;
CREATE CONSTRAINT referral_id IF NOT EXISTS FOR (r:Referral) REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT meeting_case_id IF NOT EXISTS FOR (c:MeetingCase) REQUIRE c.id IS UNIQUE;
CREATE CONSTRAINT meeting_problem_id IF NOT EXISTS FOR (p:MeetingProblem) REQUIRE p.id IS UNIQUE;
// Loops and dead ends are found per request (all referrals passing one person's question along).
CREATE RANGE INDEX referral_request IF NOT EXISTS FOR (r:Referral) ON (r.requestId);
CREATE RANGE INDEX referral_status IF NOT EXISTS FOR (r:Referral) ON (r.status);
CREATE RANGE INDEX care_meeting_date IF NOT EXISTS FOR (m:CareMeeting) ON (m.date);
