package be.carenetwork.map;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import be.carenetwork.taxonomy.CategoryLabel;
import be.carenetwork.taxonomy.HelpCategories;
import be.carenetwork.taxonomy.HelpCategory;
import org.jspecify.annotations.Nullable;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;

/**
 * How well each neighbourhood is covered for a help category: the share of its registered residents who have a
 * capacity of that category (offered by an actor or a neighbour) within walking distance, and how many capacity
 * owners are within that distance of its centroid. Residents only ever leave this class as counts.
 * <p>
 * Residents are counted by their 250 m cell (their blurred location): one point-index lookup per occupied cell
 * instead of one per resident, which keeps the whole city well under a second; the share is exact to the cell.
 */
@Service
class CoverageMap {

    private final Neo4jClient neo4j;
    private final HelpCategories categories;
    private final MapProperties properties;

    CoverageMap(Neo4jClient neo4j, HelpCategories categories, MapProperties properties) {
        this.neo4j = neo4j;
        this.categories = categories;
        this.properties = properties;
    }

    /**
     * @param coveredShare covered residents / residents, null when no resident is registered there
     */
    record NeighbourhoodCoverage(String code, long residents, long coveredResidents, @Nullable Double coveredShare,
                                 long ownersNearCentroid) {
    }

    record Coverage(String category, List<String> includes, int radiusMetres, List<NeighbourhoodCoverage> neighbourhoods) {
    }

    Coverage of(String category) {
        categories.requireKnown("category", List.of(category));
        List<String> codes = withNarrower(category, categories.all());
        int radius = properties.coverageRadiusMetres();
        // Labels cannot be parameters; each comes from CategoryLabel.of on a known code, so each keeps its point index.
        List<String> nearCell = new ArrayList<>();
        List<String> nearCentroid = new ArrayList<>();
        for (String code : codes) {
            String label = CategoryLabel.of(code);
            nearCell.add("EXISTS { MATCH (o:" + label + ") WHERE point.distance(o.location, cell) <= $radius }");
            nearCentroid.add("MATCH (o:" + label + ") WHERE point.distance(o.location, n.centroid) <= $radius RETURN o");
        }
        String cypher = """
                MATCH (n:Neighbourhood)
                CALL (n) {
                  MATCH (n)<-[:LIVES_IN]-(r:Resident)
                  WITH r.blurredLocation AS cell, count(*) AS people
                  RETURN sum(people) AS residents,
                         sum(CASE WHEN %s THEN people ELSE 0 END) AS covered
                }
                RETURN n.code AS code, residents, covered, COUNT { %s } AS owners
                ORDER BY n.code""".formatted(String.join(" OR ", nearCell), String.join(" UNION ", nearCentroid));
        List<NeighbourhoodCoverage> rows = neo4j.query(cypher)
                .bindAll(Map.of("radius", radius))
                .fetchAs(NeighbourhoodCoverage.class)
                .mappedBy((types, r) -> {
                    long residents = r.get("residents").asLong();
                    long covered = r.get("covered").asLong();
                    return new NeighbourhoodCoverage(r.get("code").asString(), residents, covered,
                            residents == 0 ? null : Math.round(1000.0 * covered / residents) / 1000.0,
                            r.get("owners").asLong());
                })
                .all().stream().toList();
        return new Coverage(category, codes, radius, rows);
    }

    /** The category and every category below it in the tree. */
    static List<String> withNarrower(String code, List<HelpCategory> all) {
        Set<String> codes = new LinkedHashSet<>(List.of(code));
        boolean grew = true;
        while (grew) {
            grew = false;
            for (HelpCategory c : all) {
                if (c.broader() != null && codes.contains(c.broader()) && codes.add(c.code())) {
                    grew = true;
                }
            }
        }
        return List.copyOf(codes);
    }
}
