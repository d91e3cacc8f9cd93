/**
 * Real data in and out: imports of neighbourhood and municipality boundaries (GeoJSON, WGS84 or Lambert 72), of
 * actors from CSV and GeoJSON with a mapping (OpenStreetMap built in), one import service for the REST API and the
 * command line, and the GeoJSON and CSV exports of the map data.
 */
@org.jspecify.annotations.NullMarked
package be.carenetwork.exchange;
