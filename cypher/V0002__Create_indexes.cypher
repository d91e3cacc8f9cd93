// Point indexes on every located label: proximity (point.distance in WHERE) and bounding boxes
// (point.withinBBox) are served by these. One more point index per help category, on the
// Offers_<code> label, is created by the application when the category is created (see CategoryIndexes).
CREATE POINT INDEX actor_location IF NOT EXISTS FOR (a:Actor) ON (a.location);
CREATE POINT INDEX resident_location IF NOT EXISTS FOR (r:Resident) ON (r.location);
CREATE POINT INDEX need_location IF NOT EXISTS FOR (n:Need) ON (n.location);
CREATE POINT INDEX neighbourhood_centroid IF NOT EXISTS FOR (n:Neighbourhood) ON (n.centroid);
CREATE RANGE INDEX actor_visibility IF NOT EXISTS FOR (a:Actor) ON (a.visibility);
CREATE RANGE INDEX need_status IF NOT EXISTS FOR (n:Need) ON (n.status);
// Full-text search on names and descriptions, one index per interface language so that each
// language's stemming and stop words apply ("pharmacies" finds "pharmacie", "apotheken" finds "apotheek").
CREATE FULLTEXT INDEX actor_text_fr IF NOT EXISTS FOR (a:Actor) ON EACH [a.name, a.description]
  OPTIONS {indexConfig: {`fulltext.analyzer`: 'french'}};
CREATE FULLTEXT INDEX actor_text_nl IF NOT EXISTS FOR (a:Actor) ON EACH [a.name, a.description]
  OPTIONS {indexConfig: {`fulltext.analyzer`: 'dutch'}};
CREATE FULLTEXT INDEX actor_text_en IF NOT EXISTS FOR (a:Actor) ON EACH [a.name, a.description]
  OPTIONS {indexConfig: {`fulltext.analyzer`: 'english'}};
CREATE FULLTEXT INDEX help_category_labels IF NOT EXISTS FOR (c:HelpCategory) ON EACH [c.labelFr, c.labelNl, c.labelEn]
  OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding'}};
CREATE FULLTEXT INDEX neighbourhood_names IF NOT EXISTS FOR (n:Neighbourhood) ON EACH [n.nameFr, n.nameNl]
  OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding'}};
