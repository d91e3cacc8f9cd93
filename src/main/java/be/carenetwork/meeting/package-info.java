/**
 * Neighbourhood care meetings and the network they grow: meetings with their attendees (attending creates or
 * strengthens KNOWS between everyone present, with the meeting as the source), contact details exchanged only
 * between attendees who agreed, anonymised complex cases and problems raised (tagged by category), declared
 * acquaintances, and the health of a neighbourhood's network over time for the meeting facilitator.
 */
@org.jspecify.annotations.NullMarked
package be.carenetwork.meeting;
