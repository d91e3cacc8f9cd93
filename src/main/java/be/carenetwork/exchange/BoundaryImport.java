package be.carenetwork.exchange;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import be.carenetwork.neighbourhood.Boundary;
import be.carenetwork.neighbourhood.Municipalities;
import be.carenetwork.neighbourhood.MunicipalityOverlap;
import be.carenetwork.neighbourhood.Neighbourhood;
import be.carenetwork.neighbourhood.Neighbourhoods;
import be.carenetwork.system.BadInputException;
import be.carenetwork.system.Page;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Imports neighbourhood and municipality polygons from GeoJSON: every feature is checked first (code, names,
 * geometry, CRS), then the whole file is written in one transaction, or nothing is.
 */
@Component
class BoundaryImport {

    static final int MAX_CODE_LENGTH = 40;
    private static final int MAX_NAME_LENGTH = 200;

    private final Neighbourhoods neighbourhoods;
    private final Municipalities municipalities;
    private final MunicipalityOverlap overlap;
    private final Neo4jClient neo4j;
    private final TransactionTemplate transaction;
    private final ObjectMapper json;
    private final ExchangeProperties properties;

    BoundaryImport(Neighbourhoods neighbourhoods, Municipalities municipalities, MunicipalityOverlap overlap,
                   Neo4jClient neo4j, TransactionTemplate transaction, ObjectMapper json, ExchangeProperties properties) {
        this.neighbourhoods = neighbourhoods;
        this.municipalities = municipalities;
        this.overlap = overlap;
        this.neo4j = neo4j;
        this.transaction = transaction;
        this.json = json;
        this.properties = properties;
    }

    /** One checked feature. */
    private record Area(String code, String nameFr, String nameNl, @Nullable String primaryCareZone, Boundary boundary) {
    }

    ImportSummary neighbourhoods(SourceFile file, BoundaryOptions options, ImportProgress progress) {
        long started = System.nanoTime();
        List<Area> areas = read(file, options, progress);
        progress.report("writing", 0, areas.size());
        Map<String, Integer> notes = new LinkedHashMap<>();
        int created = transaction.execute(status -> {
            var shares = memoized(overlap.calculator());
            List<Neighbourhoods.NeighbourhoodData> data = areas.stream()
                    .map(a -> new Neighbourhoods.NeighbourhoodData(a.code(), a.nameFr(), a.nameNl(), a.primaryCareZone(),
                            a.boundary(), false))
                    .toList();
            int spanning = (int) areas.stream().filter(a -> shares.apply(a.boundary()).size() > 1).count();
            int made = neighbourhoods.save(data, shares);
            attribute("Neighbourhood", areas, options.attribution());
            long known = neo4j.query("MATCH (m:Municipality) RETURN count(m)").fetchAs(Long.class).one().orElse(0L);
            if (known == 0) {
                notes.put("no municipalities in the graph yet: import them, and the neighbourhoods are linked then", areas.size());
            } else {
                notes.put("spanning more than one municipality", spanning);
            }
            return made;
        });
        progress.report("writing", areas.size(), areas.size());
        return new ImportSummary("neighbourhoods", file.name(), areas.size(), created, areas.size() - created, 0,
                List.of(), notes, millisSince(started));
    }

    ImportSummary municipalities(SourceFile file, BoundaryOptions options, ImportProgress progress) {
        long started = System.nanoTime();
        List<Area> areas = read(file, options, progress);
        progress.report("writing", 0, areas.size());
        Map<String, Integer> notes = new LinkedHashMap<>();
        int created = transaction.execute(status -> {
            int made = municipalities.save(areas.stream()
                    .map(a -> new Municipalities.MunicipalityData(a.code(), a.nameFr(), a.nameNl(), a.boundary()))
                    .toList());
            attribute("Municipality", areas, options.attribution());
            int relinked = relinkNeighbourhoods();
            if (relinked > 0) {
                notes.put("neighbourhoods linked again to the municipalities they overlap", relinked);
            }
            return made;
        });
        progress.report("writing", areas.size(), areas.size());
        return new ImportSummary("municipalities", file.name(), areas.size(), created, areas.size() - created, 0,
                List.of(), notes, millisSince(started));
    }

    /** Municipalities imported after the neighbourhoods: compute every neighbourhood's overlaps again. */
    private int relinkNeighbourhoods() {
        List<Neighbourhoods.NeighbourhoodData> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            Page<Neighbourhood> batch = neighbourhoods.list(page, Page.MAX_SIZE);
            batch.items().forEach(n -> all.add(new Neighbourhoods.NeighbourhoodData(n.code(), n.nameFr(), n.nameNl(),
                    n.primaryCareZone(), Boundary.fromGeoJson("geometry", n.geometry()), n.demo())));
            if ((long) (page + 1) * Page.MAX_SIZE >= batch.total()) {
                break;
            }
        }
        if (!all.isEmpty()) {
            neighbourhoods.save(all, overlap.calculator());
        }
        return all.size();
    }

    private void attribute(String label, List<Area> areas, @Nullable String attribution) {
        // The label is one of two literals chosen by this class, never input.
        Map<String, Object> params = new HashMap<>();
        params.put("codes", areas.stream().map(Area::code).toList());
        params.put("attribution", attribution);
        neo4j.query("UNWIND $codes AS code MATCH (n:" + label + " {code: code}) SET n.attribution = $attribution")
                .bindAll(params).run();
    }

    private List<Area> read(SourceFile file, BoundaryOptions options, ImportProgress progress) {
        GeoJsonFile geoJson = GeoJsonFile.read(file, json);
        Problems problems = new Problems(file.name(), properties.maxProblems());
        Crs crs = crs(geoJson, options, problems);
        problems.refuseIfAny();
        Crs.Conversion conversion = crs.toWgs84();
        GeoJsonReader reader = new GeoJsonReader();
        Map<String, Integer> seen = new HashMap<>();
        List<Area> areas = new ArrayList<>();
        for (GeoJsonFile.Feature feature : geoJson.features()) {
            Area area = area(feature, options, conversion, reader, problems);
            if (area != null) {
                Integer first = seen.putIfAbsent(area.code(), feature.number());
                if (first != null) {
                    problems.add(feature.where(), "the code '" + area.code() + "' is already used by feature " + first);
                } else {
                    areas.add(area);
                }
            }
            if (feature.number() % 50 == 0) {
                progress.report("checking", feature.number(), geoJson.features().size());
            }
        }
        if (geoJson.features().isEmpty()) {
            problems.add("file", "has no features");
        }
        problems.refuseIfAny();
        return areas;
    }

    static Crs crs(GeoJsonFile geoJson, BoundaryOptions options, Problems problems) {
        return crs(geoJson.crs(), options.crs(), problems);
    }

    /** The CRS to read a file in: the one given, else the one the file declares, else WGS84. */
    static Crs crs(@Nullable String declared, @Nullable Crs given, Problems problems) {
        Crs inFile = null;
        if (declared != null) {
            inFile = Crs.parse(declared).orElse(null);
            if (inFile == null) {
                problems.add("file", "declares the CRS '" + declared + "', which is not supported: use " + Crs.supported());
                return Crs.WGS84;
            }
        }
        if (given != null && inFile != null && given != inFile) {
            problems.add("file", "declares " + inFile.code() + " but " + given.code() + " was given: wrong CRS");
        }
        return given != null ? given : inFile != null ? inFile : Crs.WGS84;
    }

    private @Nullable Area area(GeoJsonFile.Feature feature, BoundaryOptions options, Crs.Conversion conversion,
                                GeoJsonReader reader, Problems problems) {
        String where = feature.where();
        if (!feature.node().isObject() || !"Feature".equals(Json.text(feature.node(), "type"))) {
            problems.add(where, "is not a GeoJSON Feature");
            return null;
        }
        JsonNode props = feature.properties();
        String code = Json.text(props, options.codeProperty());
        String nameFr = Json.text(props, options.nameFrProperty());
        String nameNl = Json.text(props, options.nameNlProperty());
        int before = problems.count();
        if (code == null) {
            problems.add(where, "has no code: the property '" + options.codeProperty() + "' is missing or empty");
        } else if (code.length() > MAX_CODE_LENGTH) {
            problems.add(where, "has a code longer than " + MAX_CODE_LENGTH + " characters");
        }
        if (nameFr == null && nameNl == null) {
            problems.add(where, "has no name: the properties '" + options.nameFrProperty() + "' and '"
                    + options.nameNlProperty() + "' are missing or empty");
        } else if ((nameFr != null && nameFr.length() > MAX_NAME_LENGTH) || (nameNl != null && nameNl.length() > MAX_NAME_LENGTH)) {
            problems.add(where, "has a name longer than " + MAX_NAME_LENGTH + " characters");
        }
        Boundary boundary = boundary(feature, conversion, reader, problems);
        if (problems.count() > before || boundary == null || code == null) {
            return null;
        }
        String zone = options.primaryCareZoneProperty() == null ? null : Json.text(props, options.primaryCareZoneProperty());
        return new Area(code, nameFr != null ? nameFr : nameNl, nameNl != null ? nameNl : nameFr, zone, boundary);
    }

    private static @Nullable Boundary boundary(GeoJsonFile.Feature feature, Crs.Conversion conversion,
                                               GeoJsonReader reader, Problems problems) {
        String where = feature.where();
        JsonNode geometry = feature.geometry();
        if (geometry == null) {
            problems.add(where, "has no geometry");
            return null;
        }
        Geometry parsed;
        try {
            parsed = reader.read(geometry.toString());
        } catch (org.locationtech.jts.io.ParseException | RuntimeException e) {
            problems.add(where, "geometry is not a GeoJSON geometry: " + e.getMessage());
            return null;
        }
        String problem = conversion.checkAndConvert(parsed);
        if (problem != null) {
            problems.add(where, "geometry " + problem);
            return null;
        }
        try {
            return Boundary.of("geometry", parsed);
        } catch (BadInputException e) {
            problems.add(where, "geometry " + e.getMessage());
            return null;
        }
    }

    /** Each boundary's overlaps computed once, though both the summary and the writer ask for them. */
    private static Function<Boundary, List<MunicipalityOverlap.Share>> memoized(Function<Boundary, List<MunicipalityOverlap.Share>> shares) {
        Map<Boundary, List<MunicipalityOverlap.Share>> computed = new IdentityHashMap<>();
        return boundary -> computed.computeIfAbsent(boundary, shares);
    }

    static long millisSince(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}
