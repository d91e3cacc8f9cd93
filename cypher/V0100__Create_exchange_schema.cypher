// Imports and exports (exchange, issue 3).
// A data source (OpenStreetMap, a regional social map, a partner's HSDS feed) and the credit its licence requires;
// imported actors carry the source's name in `source`.
CREATE CONSTRAINT data_source_name IF NOT EXISTS FOR (d:DataSource) REQUIRE d.name IS UNIQUE;
// The HSDS key of an imported actor whose id is not a UUID: /hsds/services/{id} and friends look actors up by it.
CREATE RANGE INDEX actor_hsds_id IF NOT EXISTS FOR (a:Actor) ON (a.hsdsId);
