package be.carenetwork.neighbourhood;

import java.util.List;

import be.carenetwork.system.GeoPoint;
import com.fasterxml.jackson.annotation.JsonRawValue;
import org.jspecify.annotations.Nullable;

/**
 * A neighbourhood: a polygon, part of one or more municipalities, in one primary care zone.
 *
 * @param code the code its source uses (for Brussels, the Monitoring des Quartiers number)
 * @param geometry a GeoJSON Polygon or MultiPolygon in WGS84
 * @param municipalities the municipalities it overlaps, largest share first
 */
public record Neighbourhood(String id, String code, String nameFr, String nameNl,
                            @Nullable String primaryCareZone, GeoPoint centroid, double areaKm2,
                            @JsonRawValue String geometry, List<MunicipalityShare> municipalities, boolean demo) {

    /** @param share the part of the neighbourhood's area inside the municipality, 0 to 1 */
    public record MunicipalityShare(String code, String nameFr, String nameNl, double share) {
    }
}
