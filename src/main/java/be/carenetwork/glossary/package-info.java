/**
 * The glossary: shared definitions of the words health and social workers and neighbours use, in French, Dutch
 * and English, each linked to the help categories it is about. Read by anyone (pages mark the terms where they
 * appear); changed by coordinators.
 */
@org.jspecify.annotations.NullMarked
package be.carenetwork.glossary;
