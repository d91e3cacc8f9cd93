/**
 * What every feature stands on: the embedded Neo4j server (or the connection to an external one),
 * the schema migrations in {@code cypher/}, and the one place that turns errors into RFC 9457 problems.
 */
@org.jspecify.annotations.NullMarked
package be.carenetwork.system;
