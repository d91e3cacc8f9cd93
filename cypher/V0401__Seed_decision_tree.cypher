// The starting "ask once" decision tree: a question for help leads, through answers, to help categories and
// to the kinds of actors that resolve them. Coordinators change it in the app (each change is a new
// DecisionTreeVersion); this file is only where it starts.
// Questions that several answers lead to (q-money, q-memory) are shared: the tree is a DAG, never a cycle.
UNWIND [
  {id: 'q-start', start: true,
   fr: 'Sur quoi porte la demande d\'aide ?',
   nl: 'Waarover gaat de hulpvraag?',
   en: 'What is the request for help about?'},
  {id: 'q-paperwork', start: false,
   fr: 'Qu\'est-ce qui rend les papiers difficiles ?',
   nl: 'Wat maakt de administratie moeilijk?',
   en: 'What makes the paperwork hard?'},
  {id: 'q-money', start: false,
   fr: 'Quel est le souci principal ?',
   nl: 'Wat is de grootste zorg?',
   en: 'What is the main worry?'},
  {id: 'q-memory', start: false,
   fr: 'Un médecin est-il déjà au courant ?',
   nl: 'Is er al een arts op de hoogte?',
   en: 'Is a doctor already involved?'},
  {id: 'q-health', start: false,
   fr: 'Quel genre de question de santé ou de soins ?',
   nl: 'Wat voor vraag over gezondheid of zorg?',
   en: 'What kind of health or care question?'},
  {id: 'q-daily', start: false,
   fr: 'Pour quelle tâche du quotidien ?',
   nl: 'Voor welke dagelijkse taak?',
   en: 'Which everyday task?'},
  {id: 'q-carer', start: false,
   fr: 'Qu\'est-ce qui aiderait le plus l\'aidant proche ?',
   nl: 'Wat zou de mantelzorger het meest helpen?',
   en: 'What would help the informal carer most?'}
] AS q
MERGE (question:DecisionQuestion {id: q.id})
SET question.start = q.start, question.textFr = q.fr, question.textNl = q.nl, question.textEn = q.en;

UNWIND [
  {id: 'a-start-paperwork', question: 'q-start', position: 1, next: 'q-paperwork', categories: [], kinds: [],
   fr: 'Courrier, formulaires, papiers (p. ex. une voisine âgée ne parvient plus à faire ses papiers)',
   nl: 'Brieven, formulieren, administratie (bv. een oudere buurvrouw krijgt haar papieren niet meer in orde)',
   en: 'Letters, forms and paperwork (e.g. an older neighbour can no longer do her paperwork)'},
  {id: 'a-start-health', question: 'q-start', position: 2, next: 'q-health', categories: [], kinds: [],
   fr: 'La santé ou les soins à domicile', nl: 'Gezondheid of zorg thuis', en: 'Health or care at home'},
  {id: 'a-start-daily', question: 'q-start', position: 3, next: 'q-daily', categories: [], kinds: [],
   fr: 'Les tâches du quotidien : courses, repas, petits travaux, aller aux rendez-vous',
   nl: 'Dagelijkse taken: boodschappen, maaltijden, klusjes, naar afspraken gaan',
   en: 'Everyday tasks: shopping, meals, odd jobs, getting to appointments'},
  {id: 'a-start-carer', question: 'q-start', position: 4, next: 'q-carer', categories: [], kinds: [],
   fr: 'Un aidant proche qui s\'épuise', nl: 'Een mantelzorger die het niet meer trekt',
   en: 'An informal carer running out of steam'},
  {id: 'a-start-money', question: 'q-start', position: 5, next: 'q-money', categories: [], kinds: [],
   fr: 'L\'argent, le logement ou les droits', nl: 'Geld, wonen of rechten', en: 'Money, housing or rights'},
  {id: 'a-start-lonely', question: 'q-start', position: 6, next: null,
   categories: ['social_contact', 'company_visits', 'community_activities'], kinds: ['VOLUNTEER', 'NEIGHBOUR', 'ORGANISATION'],
   fr: 'La solitude, peu de contacts', nl: 'Eenzaamheid, weinig contact', en: 'Loneliness, little contact with others'},
  {id: 'a-start-unsure', question: 'q-start', position: 7, next: null,
   categories: ['information_referral', 'general_social_work'], kinds: ['REFERRAL_POINT', 'ORGANISATION'],
   fr: 'Pas sûr, ou plusieurs choses à la fois', nl: 'Niet zeker, of meerdere dingen tegelijk', en: 'Not sure, or several things at once'},

  {id: 'a-pw-understand', question: 'q-paperwork', position: 1, next: null,
   categories: ['language_help', 'paperwork'], kinds: ['SERVICE', 'REFERRAL_POINT', 'VOLUNTEER'],
   fr: 'Lire ou comprendre les lettres (langue, lecture)', nl: 'De brieven lezen of begrijpen (taal, lezen)',
   en: 'Reading or understanding the letters (language, reading)'},
  {id: 'a-pw-online', question: 'q-paperwork', position: 2, next: null,
   categories: ['digital_help', 'paperwork'], kinds: ['SERVICE', 'VOLUNTEER'],
   fr: 'Formulaires en ligne, pas d\'ordinateur ni de smartphone', nl: 'Online formulieren, geen computer of smartphone',
   en: 'Online forms, no computer or smartphone'},
  {id: 'a-pw-money', question: 'q-paperwork', position: 3, next: 'q-money', categories: [], kinds: [],
   fr: 'Les factures, les dettes ou les allocations s\'accumulent', nl: 'Rekeningen, schulden of uitkeringen stapelen zich op',
   en: 'Bills, debts or allowances are piling up'},
  {id: 'a-pw-memory', question: 'q-paperwork', position: 4, next: 'q-memory', categories: [], kinds: [],
   fr: 'Elle oublie des choses, elle est confuse', nl: 'Ze vergeet dingen, ze raakt in de war',
   en: 'She forgets things, gets confused'},
  {id: 'a-pw-sort', question: 'q-paperwork', position: 5, next: null,
   categories: ['paperwork'], kinds: ['REFERRAL_POINT', 'VOLUNTEER', 'NEIGHBOUR'],
   fr: 'Il faut juste quelqu\'un pour trier et classer avec elle, régulièrement',
   nl: 'Er moet gewoon regelmatig iemand mee sorteren en opbergen',
   en: 'She just needs someone to sort and file with her regularly'},

  {id: 'a-money-bills', question: 'q-money', position: 1, next: null,
   categories: ['financial_help', 'general_social_work'], kinds: ['ORGANISATION'],
   fr: 'Factures, dettes, budget', nl: 'Rekeningen, schulden, budget', en: 'Bills, debts, budget'},
  {id: 'a-money-rights', question: 'q-money', position: 2, next: null,
   categories: ['general_social_work', 'paperwork'], kinds: ['ORGANISATION', 'REFERRAL_POINT'],
   fr: 'Des droits non reçus (pension, allocations, tarifs réduits)',
   nl: 'Rechten die niet ontvangen worden (pensioen, uitkeringen, sociale tarieven)',
   en: 'Rights not received (pension, allowances, reduced rates)'},
  {id: 'a-money-housing', question: 'q-money', position: 3, next: null,
   categories: ['housing_help', 'legal_advice'], kinds: ['ORGANISATION', 'SERVICE'],
   fr: 'Le logement : loyer, logement insalubre, expulsion', nl: 'Wonen: huur, ongezonde woning, uithuiszetting',
   en: 'Housing: rent, an unhealthy home, eviction'},
  {id: 'a-money-food', question: 'q-money', position: 4, next: null,
   categories: ['food_aid', 'general_social_work'], kinds: ['ORGANISATION'],
   fr: 'Pas assez à manger', nl: 'Niet genoeg te eten', en: 'Not enough to eat'},

  {id: 'a-mem-nodoctor', question: 'q-memory', position: 1, next: null,
   categories: ['general_practice'], kinds: ['PROFESSIONAL'],
   fr: 'Non, ou pas à ma connaissance', nl: 'Nee, of niet dat ik weet', en: 'No, or not that I know'},
  {id: 'a-mem-home', question: 'q-memory', position: 2, next: null,
   categories: ['home_care', 'home_nursing', 'informal_carer_support'], kinds: ['SERVICE', 'ORGANISATION'],
   fr: 'Oui, mais la vie à la maison devient difficile', nl: 'Ja, maar het leven thuis wordt moeilijk',
   en: 'Yes, but daily life at home is getting hard'},
  {id: 'a-mem-mood', question: 'q-memory', position: 3, next: null,
   categories: ['mental_health', 'general_practice'], kinds: ['ORGANISATION', 'PROFESSIONAL'],
   fr: 'Plutôt le moral : tristesse, angoisse', nl: 'Eerder het gemoed: somberheid, angst', en: 'Rather low mood or anxiety'},

  {id: 'a-h-doctor', question: 'q-health', position: 1, next: null,
   categories: ['general_practice'], kinds: ['PROFESSIONAL'],
   fr: 'Besoin d\'un médecin, pas de médecin traitant', nl: 'Heeft een arts nodig, geen huisarts', en: 'Needs a doctor, has no GP'},
  {id: 'a-h-nursing', question: 'q-health', position: 2, next: null,
   categories: ['home_nursing', 'home_care'], kinds: ['SERVICE'],
   fr: 'Des soins à domicile : pansements, injections, toilette', nl: 'Zorg thuis: wondzorg, inspuitingen, wassen',
   en: 'Care at home: wound care, injections, washing'},
  {id: 'a-h-medication', question: 'q-health', position: 3, next: null,
   categories: ['pharmacy'], kinds: ['ORGANISATION'],
   fr: 'Des questions sur les médicaments, la livraison', nl: 'Vragen over medicatie, levering', en: 'Medication questions or delivery'},
  {id: 'a-h-mental', question: 'q-health', position: 4, next: null,
   categories: ['mental_health', 'addiction_help'], kinds: ['ORGANISATION'],
   fr: 'Santé mentale ou assuétudes', nl: 'Geestelijke gezondheid of verslaving', en: 'Mental health or addiction'},
  {id: 'a-h-discharge', question: 'q-health', position: 5, next: null,
   categories: ['hospital_care', 'home_care', 'home_nursing'], kinds: ['SERVICE'],
   fr: 'Retour de l\'hôpital', nl: 'Net terug uit het ziekenhuis', en: 'Just back from hospital'},
  {id: 'a-h-memory', question: 'q-health', position: 6, next: 'q-memory', categories: [], kinds: [],
   fr: 'Oublis, confusion', nl: 'Vergeetachtigheid, verwardheid', en: 'Forgetting things, confusion'},

  {id: 'a-d-shopping', question: 'q-daily', position: 1, next: null,
   categories: ['shopping'], kinds: ['SHOP', 'NEIGHBOUR', 'VOLUNTEER'],
   fr: 'Les courses', nl: 'Boodschappen', en: 'Shopping'},
  {id: 'a-d-meals', question: 'q-daily', position: 2, next: null,
   categories: ['meals'], kinds: ['SERVICE', 'NEIGHBOUR'],
   fr: 'Les repas', nl: 'Maaltijden', en: 'Meals'},
  {id: 'a-d-transport', question: 'q-daily', position: 3, next: null,
   categories: ['transport_appointments'], kinds: ['VOLUNTEER', 'NEIGHBOUR'],
   fr: 'Aller aux rendez-vous', nl: 'Naar afspraken gaan', en: 'Getting to appointments'},
  {id: 'a-d-jobs', question: 'q-daily', position: 4, next: null,
   categories: ['odd_jobs'], kinds: ['NEIGHBOUR', 'VOLUNTEER'],
   fr: 'Des petits travaux', nl: 'Klusjes', en: 'Odd jobs'},
  {id: 'a-d-pets', question: 'q-daily', position: 5, next: null,
   categories: ['pet_care'], kinds: ['NEIGHBOUR', 'VOLUNTEER'],
   fr: 'S\'occuper d\'un animal', nl: 'Zorgen voor een huisdier', en: 'Looking after a pet'},

  {id: 'a-c-respite', question: 'q-carer', position: 1, next: null,
   categories: ['respite_care', 'day_care'], kinds: ['ORGANISATION', 'VOLUNTEER'],
   fr: 'Souffler : une journée ou quelques heures de répit', nl: 'Even op adem komen: een dag of enkele uren respijt',
   en: 'A break: a day or a few hours of respite'},
  {id: 'a-c-support', question: 'q-carer', position: 2, next: null,
   categories: ['informal_carer_support'], kinds: ['ORGANISATION'],
   fr: 'De l\'information, une écoute, une formation', nl: 'Informatie, een luisterend oor, een opleiding',
   en: 'Information, someone to talk to, training'},
  {id: 'a-c-home', question: 'q-carer', position: 3, next: null,
   categories: ['home_care', 'home_nursing'], kinds: ['SERVICE'],
   fr: 'Un relais pour les soins à la maison', nl: 'Iemand die de zorg thuis even overneemt',
   en: 'Someone to take over the care at home'}
] AS a
MATCH (q:DecisionQuestion {id: a.question})
MERGE (answer:DecisionAnswer {id: a.id})
SET answer.position = a.position, answer.textFr = a.fr, answer.textNl = a.nl, answer.textEn = a.en,
    answer.actorKinds = a.kinds
MERGE (q)-[:HAS_ANSWER]->(answer)
WITH answer, a
OPTIONAL MATCH (next:DecisionQuestion {id: a.next})
FOREACH (_ IN CASE WHEN next IS NULL THEN [] ELSE [1] END | MERGE (answer)-[:LEADS_TO]->(next))
WITH answer, a
UNWIND range(0, size(a.categories) - 1) AS position
MATCH (c:HelpCategory {code: a.categories[position]})
MERGE (answer)-[resolved:RESOLVED_BY]->(c)
SET resolved.position = position;

// Version 1. Its snapshot (the tree as JSON) is written by the application at the first change.
MERGE (v:DecisionTreeVersion {number: 1})
ON CREATE SET v.changedBy = 'migration V0401', v.changedAt = datetime(),
              v.summary = 'Starting tree: 7 questions, 33 answers';
