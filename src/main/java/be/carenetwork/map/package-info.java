/**
 * The local health and care map: GeoJSON of neighbourhoods, actors, coverage and care-meeting links
 * ({@code /api/geo/**}), the map page, the projector-friendly meeting mode and the widget partner sites embed,
 * with the CORS and per-address rate limit of those public endpoints.
 */
@org.jspecify.annotations.NullMarked
package be.carenetwork.map;
