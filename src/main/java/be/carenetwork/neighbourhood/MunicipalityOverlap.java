package be.carenetwork.neighbourhood;

import java.util.Comparator;
import java.util.List;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * Which municipalities a neighbourhood overlaps, and by what share of its area. Real neighbourhoods cross
 * municipality borders; a share under 1% is a digitising sliver along a shared border, not an overlap.
 */
@Component
public class MunicipalityOverlap {

    public static final double MIN_SHARE = 0.01;

    private final Neo4jClient neo4j;

    MunicipalityOverlap(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    public record Share(String code, double share) {
    }

    private record Municipality(String code, Geometry geometry, PreparedGeometry prepared) {
    }

    /** The shares of every stored municipality that overlaps the boundary by at least 1%, largest first. */
    public List<Share> of(Boundary boundary) {
        return of(boundary, municipalities());
    }

    /** Loads the municipalities once, for computing many overlaps (an import). */
    public java.util.function.Function<Boundary, List<Share>> calculator() {
        List<Municipality> municipalities = municipalities();
        return boundary -> of(boundary, municipalities);
    }

    private static List<Share> of(Boundary boundary, List<Municipality> municipalities) {
        Geometry area = boundary.geometry();
        double total = area.getArea();
        return municipalities.stream()
                .filter(m -> m.prepared().intersects(area))
                .map(m -> new Share(m.code(), m.geometry().intersection(area).getArea() / total))
                .filter(s -> s.share() >= MIN_SHARE)
                .sorted(Comparator.comparingDouble(Share::share).reversed())
                .toList();
    }

    private List<Municipality> municipalities() {
        return neo4j.query("MATCH (m:Municipality) WHERE m.geometry IS NOT NULL RETURN m.code AS code, m.geometry AS geometry")
                .fetch().all().stream()
                .map(row -> {
                    Geometry g = Boundary.fromGeoJson("geometry", (String) row.get("geometry")).geometry();
                    return new Municipality((String) row.get("code"), g, PreparedGeometryFactory.prepare(g));
                })
                .toList();
    }
}
