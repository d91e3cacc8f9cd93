package be.carenetwork.analyst;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * What the pseudonymised snapshot is made of, kind by kind, in the order the analyst graph is built: the columns of
 * each kind's CSV, and for located kinds the column that gives the GeoJSON geometry.
 * <p>
 * Link columns (a neighbourhood code, a resident's pseudonym, ...) become relationships in the analyst graph.
 */
enum SnapshotKind {
    MUNICIPALITIES("municipalities", "geometry",
            List.of("code", "nameFr", "nameNl", "centroid", "geometry"), List.of()),
    NEIGHBOURHOODS("neighbourhoods", "geometry",
            List.of("code", "nameFr", "nameNl", "primaryCareZone", "areaKm2", "centroid", "geometry", "municipalities", "demo"),
            List.of("municipalities")),
    CATEGORIES("categories", null,
            List.of("code", "sector", "labelFr", "labelNl", "labelEn", "broader"), List.of()),
    ACTORS("actors", "location",
            List.of("id", "name", "kind", "formal", "visibility", "pseudonymised", "referralPoint", "neighbourhood",
                    "location", "languages", "openingHours", "openSlots", "targetGroups", "wheelchair", "address",
                    "website", "description", "demo"),
            List.of("neighbourhood", "referralPoint")),
    RESIDENTS("residents", "location",
            List.of("pseudonym", "neighbourhood", "location", "blurredLocation", "birthDecade", "languages", "demo"),
            List.of("neighbourhood")),
    NEEDS("needs", "location",
            List.of("id", "category", "status", "neighbourhood", "location", "maxDistanceMetres", "language",
                    "neededAt", "createdAt", "resident", "registeredBy", "demo"),
            List.of("category", "neighbourhood", "resident", "registeredBy")),
    CAPACITIES("capacities", null,
            List.of("id", "ownerKind", "owner", "category", "radiusMetres", "availability", "availabilitySlots", "maxActive"),
            List.of("ownerKind", "owner", "category")),
    MATCHES("matches", null,
            List.of("id", "need", "byKind", "by", "capacityId", "properties"), List.of("need", "byKind", "by", "properties")),
    MEETINGS("meetings", null,
            List.of("id", "neighbourhood", "properties"), List.of("neighbourhood", "properties")),
    ATTENDANCES("attendances", null,
            List.of("actor", "meeting", "properties"), List.of("actor", "meeting", "properties")),
    KNOWS("knows", null,
            List.of("from", "to", "properties"), List.of("from", "to", "properties")),
    REFERS_TO("refers-to", null,
            List.of("from", "to", "properties"), List.of("from", "to", "properties"));

    private final String fileName;
    private final @Nullable String geometryColumn;
    private final List<String> columns;
    private final List<String> links;

    SnapshotKind(String fileName, @Nullable String geometryColumn, List<String> columns, List<String> links) {
        this.fileName = fileName;
        this.geometryColumn = geometryColumn;
        this.columns = columns;
        this.links = links;
    }

    String fileName() {
        return fileName;
    }

    Optional<String> geometryColumn() {
        return Optional.ofNullable(geometryColumn);
    }

    List<String> columns() {
        return columns;
    }

    /** Columns that become relationships or labels in the analyst graph, not properties. */
    List<String> links() {
        return links;
    }

    static Optional<SnapshotKind> named(String fileName) {
        return Arrays.stream(values()).filter(kind -> kind.fileName.equals(fileName)).findFirst();
    }
}
