package be.carenetwork.exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import be.carenetwork.neighbourhood.Boundary;
import be.carenetwork.taxonomy.HelpCategories;
import be.carenetwork.taxonomy.HelpCategory;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.io.geojson.GeoJsonWriter;
import org.springframework.stereotype.Service;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.ObjectMapper;

/**
 * The map data as files: GeoJSON (RFC 7946: WGS84 longitude/latitude, polygons counterclockwise outside) and CSV, in
 * the reader's language, written as they are read so that a whole city never sits in memory. The attribution each
 * source's licence requires comes with the data (an {@code attribution} member of the collection, a column of the CSV).
 */
@Service
public class Exports {

    private final ExportRows rows;
    private final HelpCategories categories;
    private final ObjectMapper json;

    Exports(ExportRows rows, HelpCategories categories, ObjectMapper json) {
        this.rows = rows;
        this.categories = categories;
        this.json = json;
    }

    /** What to export of the actors, and to whom. */
    public record ActorFilter(boolean everyone, @Nullable String neighbourhood, @Nullable String category, String language) {
    }

    public void actorsGeoJson(ActorFilter filter, OutputStream out) {
        Map<String, HelpCategory> byCode = categoriesByCode();
        Set<String> attributions = new TreeSet<>();
        try (JsonGenerator g = json.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringProperty("type", "FeatureCollection");
            g.writeArrayPropertyStart("features");
            rows.actors(filter.everyone(), filter.neighbourhood(), filter.category(), actor -> {
                if (actor.attribution() != null) {
                    attributions.add(actor.attribution());
                }
                g.writeStartObject();
                g.writeStringProperty("type", "Feature");
                g.writeStringProperty("id", actor.id());
                g.writeObjectPropertyStart("geometry");
                g.writeStringProperty("type", "Point");
                g.writeArrayPropertyStart("coordinates");
                g.writeNumber(actor.lon());
                g.writeNumber(actor.lat());
                g.writeEndArray();
                g.writeEndObject();
                g.writeObjectPropertyStart("properties");
                g.writeStringProperty("name", name(actor, filter.language()));
                g.writeStringProperty("kind", actor.kind());
                g.writeStringProperty("kindLabel", ExportLabels.kind(actor.kind(), filter.language()));
                strings(g, "categories", actor.categories());
                strings(g, "categoryLabels", actor.categories().stream()
                        .map(code -> byCode.containsKey(code) ? byCode.get(code).label(Locale.of(filter.language())) : code).toList());
                strings(g, "languages", actor.languages());
                optional(g, "address", actor.address());
                optional(g, "openingHours", actor.openingHours());
                g.writeStringProperty("wheelchair", actor.wheelchair());
                optional(g, "phone", actor.phone());
                optional(g, "email", actor.email());
                optional(g, "website", actor.website());
                optional(g, "neighbourhood", actor.neighbourhood());
                if (filter.everyone()) {
                    g.writeStringProperty("visibility", actor.visibility());
                }
                optional(g, "source", actor.source());
                g.writeEndObject();
                g.writeEndObject();
            });
            g.writeEndArray();
            attribution(g, attributions);
            g.writeEndObject();
        }
    }

    public void neighbourhoodsGeoJson(String language, OutputStream out) {
        areasGeoJson(language, out, true);
    }

    public void municipalitiesGeoJson(String language, OutputStream out) {
        areasGeoJson(language, out, false);
    }

    private void areasGeoJson(String language, OutputStream out, boolean neighbourhoods) {
        GeoJsonWriter writer = new GeoJsonWriter(7);
        writer.setEncodeCRS(false);
        writer.setForceCCW(true);
        Set<String> attributions = new TreeSet<>();
        try (JsonGenerator g = json.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringProperty("type", "FeatureCollection");
            g.writeArrayPropertyStart("features");
            java.util.function.Consumer<ExportRows.AreaRow> write = area -> {
                if (area.attribution() != null) {
                    attributions.add(area.attribution());
                }
                g.writeStartObject();
                g.writeStringProperty("type", "Feature");
                g.writeStringProperty("id", area.code());
                g.writeName("geometry");
                g.writeRawValue(writer.write(Boundary.fromGeoJson("geometry", area.geometry()).geometry()));
                g.writeObjectPropertyStart("properties");
                g.writeStringProperty("code", area.code());
                g.writeStringProperty("name", language.equals("nl") ? area.nameNl() : area.nameFr());
                g.writeStringProperty("nameFr", area.nameFr());
                g.writeStringProperty("nameNl", area.nameNl());
                if (neighbourhoods) {
                    optional(g, "primaryCareZone", area.primaryCareZone());
                    g.writeNumberProperty("areaKm2", Math.round(area.areaKm2() * 10_000) / 10_000.0);
                    strings(g, "municipalities", area.municipalities());
                }
                g.writeEndObject();
                g.writeEndObject();
            };
            if (neighbourhoods) {
                rows.neighbourhoods(write);
            } else {
                rows.municipalities(write);
            }
            g.writeEndArray();
            attribution(g, attributions);
            g.writeEndObject();
        }
    }

    /**
     * Actors as CSV (RFC 4180, UTF-8 with a byte order mark so that spreadsheets read the accents): headings, kinds,
     * categories and wheelchair access in the reader's language.
     *
     * @param separator a comma, or a semicolon for spreadsheets in Belgian and French settings
     */
    public void actorsCsv(ActorFilter filter, char separator, OutputStream out) {
        Map<String, HelpCategory> byCode = categoriesByCode();
        String language = filter.language();
        try {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            w.write('\uFEFF');
            List<String> headings = new ArrayList<>(ExportLabels.headings(language));
            List<String> attributionHeading = List.of("attribution");
            headings.addAll(attributionHeading);
            line(w, separator, headings);
            rows.actors(filter.everyone(), filter.neighbourhood(), filter.category(), actor -> {
                try {
                    line(w, separator, List.of(actor.id(), text(name(actor, language)),
                            ExportLabels.kind(actor.kind(), language),
                            text(String.join("; ", actor.categories().stream()
                                    .map(code -> byCode.containsKey(code) ? byCode.get(code).label(Locale.of(language)) : code).toList())),
                            String.join("; ", actor.languages()), text(actor.address()),
                            text(language.equals("nl") ? actor.neighbourhoodNl() : actor.neighbourhoodFr()),
                            text(actor.neighbourhood()), String.format(Locale.ROOT, "%.7f", actor.lat()),
                            String.format(Locale.ROOT, "%.7f", actor.lon()), text(actor.openingHours()),
                            ExportLabels.wheelchair(actor.wheelchair(), language), text(actor.phone()), text(actor.email()),
                            text(actor.website()), filter.everyone() ? ExportLabels.visibility(actor.visibility(), language) : "",
                            text(actor.source()), text(actor.attribution())));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            w.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, HelpCategory> categoriesByCode() {
        return categories.all().stream().collect(Collectors.toMap(HelpCategory::code, Function.identity()));
    }

    private static String name(ExportRows.ActorRow actor, String language) {
        if (language.equals("fr") && actor.nameFr() != null) {
            return actor.nameFr();
        }
        if (language.equals("nl") && actor.nameNl() != null) {
            return actor.nameNl();
        }
        return actor.name();
    }

    private static void line(Writer w, char separator, List<String> values) throws IOException {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                w.write(separator);
            }
            w.write(quoted(values.get(i), separator));
        }
        w.write("\r\n");
    }

    private static String quoted(String value, char separator) {
        if (value.indexOf(separator) >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }

    /** Text a spreadsheet will not run as a formula: a leading =, +, -, @ or tab is preceded by an apostrophe. */
    static String text(@Nullable String value) {
        if (value == null) {
            return "";
        }
        if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            return "'" + value;
        }
        return value;
    }

    private static void strings(JsonGenerator g, String name, List<String> values) {
        g.writeArrayPropertyStart(name);
        values.forEach(g::writeString);
        g.writeEndArray();
    }

    private static void optional(JsonGenerator g, String name, @Nullable String value) {
        if (value != null) {
            g.writeStringProperty(name, value);
        }
    }

    private static void attribution(JsonGenerator g, Set<String> attributions) {
        if (!attributions.isEmpty()) {
            // A foreign member (RFC 7946, 6.1): the credit each source's licence requires.
            g.writeStringProperty("attribution", String.join("; ", attributions));
        }
    }
}
