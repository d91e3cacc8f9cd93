// The shared taxonomy of help: a common language between health and social workers and neighbours.
// Four broad categories, each with narrower ones (BROADER points to the parent).
// sector is what analysts group referral flows by: HEALTH, SOCIAL or INFORMAL.
UNWIND [
  {code: 'health_care',       sector: 'HEALTH',   fr: 'Soins de santé',        nl: 'Gezondheidszorg',          en: 'Health care'},
  {code: 'social_support',    sector: 'SOCIAL',   fr: 'Aide sociale',          nl: 'Sociale hulp',             en: 'Social support'},
  {code: 'everyday_help',     sector: 'INFORMAL', fr: 'Aide au quotidien',     nl: 'Hulp in het dagelijks leven', en: 'Everyday help'},
  {code: 'community_life',    sector: 'SOCIAL',   fr: 'Vie de quartier',       nl: 'Buurtleven',               en: 'Community life'}
] AS c
MERGE (category:HelpCategory {code: c.code})
SET category.sector = c.sector, category.labelFr = c.fr, category.labelNl = c.nl, category.labelEn = c.en;

UNWIND [
  {code: 'general_practice',      parent: 'health_care', fr: 'Médecine générale',                nl: 'Huisarts',                        en: 'General practice'},
  {code: 'pharmacy',              parent: 'health_care', fr: 'Pharmacie',                        nl: 'Apotheek',                        en: 'Pharmacy'},
  {code: 'home_nursing',          parent: 'health_care', fr: 'Soins infirmiers à domicile',      nl: 'Thuisverpleging',                 en: 'Home nursing'},
  {code: 'home_care',             parent: 'health_care', fr: 'Aide familiale à domicile',        nl: 'Gezinszorg',                      en: 'Home care'},
  {code: 'mental_health',         parent: 'health_care', fr: 'Santé mentale',                    nl: 'Geestelijke gezondheid',          en: 'Mental health'},
  {code: 'dental_care',           parent: 'health_care', fr: 'Soins dentaires',                  nl: 'Tandzorg',                        en: 'Dental care'},
  {code: 'physiotherapy',         parent: 'health_care', fr: 'Kinésithérapie',                   nl: 'Kinesitherapie',                  en: 'Physiotherapy'},
  {code: 'hospital_care',         parent: 'health_care', fr: 'Soins hospitaliers',               nl: 'Ziekenhuiszorg',                  en: 'Hospital care'},
  {code: 'palliative_care',       parent: 'health_care', fr: 'Soins palliatifs',                 nl: 'Palliatieve zorg',                en: 'Palliative care'},
  {code: 'addiction_help',        parent: 'health_care', fr: 'Aide en assuétudes',               nl: 'Verslavingszorg',                 en: 'Addiction help'},
  {code: 'day_care',              parent: 'health_care', fr: 'Centre de soins de jour',          nl: 'Dagverzorging',                   en: 'Day care for older people'},
  {code: 'general_social_work',   parent: 'social_support', fr: 'Aide sociale générale (CPAS)',  nl: 'Algemeen welzijnswerk (OCMW)',    en: 'General social work'},
  {code: 'paperwork',             parent: 'social_support', fr: 'Aide administrative',           nl: 'Hulp bij administratie',          en: 'Help with paperwork'},
  {code: 'financial_help',        parent: 'social_support', fr: 'Aide financière et budget',     nl: 'Financiële hulp en budget',       en: 'Financial help and budgeting'},
  {code: 'housing_help',          parent: 'social_support', fr: 'Aide au logement',              nl: 'Woonhulp',                        en: 'Housing help'},
  {code: 'legal_advice',          parent: 'social_support', fr: 'Conseil juridique',             nl: 'Juridisch advies',                en: 'Legal advice'},
  {code: 'food_aid',              parent: 'social_support', fr: 'Aide alimentaire',              nl: 'Voedselhulp',                     en: 'Food aid'},
  {code: 'language_help',         parent: 'social_support', fr: 'Aide linguistique et interprétariat', nl: 'Taalhulp en tolken',        en: 'Language help and interpreting'},
  {code: 'digital_help',          parent: 'social_support', fr: 'Aide numérique',                nl: 'Digitale hulp',                   en: 'Digital help'},
  {code: 'informal_carer_support', parent: 'social_support', fr: 'Soutien aux aidants proches', nl: 'Ondersteuning van mantelzorgers',  en: 'Support for informal carers'},
  {code: 'transport_appointments', parent: 'everyday_help', fr: 'Transport vers les rendez-vous', nl: 'Vervoer naar afspraken',       en: 'Transport to appointments'},
  {code: 'shopping',              parent: 'everyday_help', fr: 'Courses',                        nl: 'Boodschappen',                    en: 'Shopping'},
  {code: 'meals',                 parent: 'everyday_help', fr: 'Repas',                          nl: 'Maaltijden',                      en: 'Meals'},
  {code: 'odd_jobs',              parent: 'everyday_help', fr: 'Petits travaux',                 nl: 'Klusjes',                         en: 'Odd jobs'},
  {code: 'company_visits',        parent: 'everyday_help', fr: 'Visites et compagnie',           nl: 'Bezoek en gezelschap',            en: 'Company and visits'},
  {code: 'respite_care',          parent: 'everyday_help', fr: 'Répit pour aidants proches',     nl: 'Respijtzorg voor mantelzorgers',  en: 'Respite for informal carers'},
  {code: 'childcare',             parent: 'everyday_help', fr: 'Garde d\'enfants',               nl: 'Kinderopvang',                    en: 'Childcare'},
  {code: 'pet_care',              parent: 'everyday_help', fr: 'Soin des animaux',               nl: 'Zorg voor huisdieren',            en: 'Pet care'},
  {code: 'information_referral',  parent: 'community_life', fr: 'Information et orientation',    nl: 'Informatie en doorverwijzing',    en: 'Information and referral'},
  {code: 'community_activities',  parent: 'community_life', fr: 'Activités de quartier',         nl: 'Buurtactiviteiten',               en: 'Community activities'},
  {code: 'homework_support',      parent: 'community_life', fr: 'Soutien scolaire',              nl: 'Huiswerkbegeleiding',             en: 'Homework support'},
  {code: 'social_contact',        parent: 'community_life', fr: 'Lutte contre l\'isolement',     nl: 'Tegen eenzaamheid',               en: 'Against isolation'}
] AS c
MATCH (parent:HelpCategory {code: c.parent})
MERGE (category:HelpCategory {code: c.code})
SET category.sector = parent.sector, category.labelFr = c.fr, category.labelNl = c.nl, category.labelEn = c.en
MERGE (category)-[:BROADER]->(parent);
