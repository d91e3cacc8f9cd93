/**
 * Neighbourhoods (polygons, centroids, the municipalities they overlap) and finding the neighbourhood
 * that contains a point.
 */
@org.jspecify.annotations.NullMarked
package be.carenetwork.neighbourhood;
