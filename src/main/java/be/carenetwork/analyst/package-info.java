/**
 * Analysts: the pseudonymised, read-only analyst graph (a second embedded Neo4j with its own Bolt port for
 * analysts' own tools), the checked HTTP query endpoint, the library of analyst queries in {@code cypher/analyst/},
 * the audit of every analyst query, and the pseudonymised exports (CSV, GeoJSON).
 */
@org.jspecify.annotations.NullMarked
package be.carenetwork.analyst;
