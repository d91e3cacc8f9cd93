/**
 * Matching: proposes capacities for a need by proximity, category, language, availability and load, in one Cypher
 * query; the coordinator's workflow from proposed to validated, active and closed with after care (or declined),
 * with help logged and every change audited; the dashboard of a neighbourhood; and what GDPR asks of matches
 * (export, erasure leaving anonymous counts).
 */
@org.jspecify.annotations.NullMarked
package be.carenetwork.matching;
