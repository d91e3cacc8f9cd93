/**
 * Who can help and who needs help: actors (formal and informal), residents (personal data, coordinators only),
 * their capacities (OFFERS a help category, within a radius, at some times) and needs.
 */
@org.jspecify.annotations.NullMarked
package be.carenetwork.directory;
