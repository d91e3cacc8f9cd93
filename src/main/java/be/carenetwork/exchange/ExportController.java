package be.carenetwork.exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;

import be.carenetwork.exchange.hsds.HsdsDirectory;
import be.carenetwork.security.CurrentUser;
import be.carenetwork.security.PublicPaths;
import be.carenetwork.system.BadInputException;
import be.carenetwork.taxonomy.CategoryLabel;
import be.carenetwork.taxonomy.HelpCategories;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Downloads of the map data, streamed as they are read: GeoJSON of neighbourhoods, municipalities and actors, CSV of
 * actors, and the whole public directory as HSDS. Anonymous readers get public actors only, with the contact details
 * those actors made public; signed-in readers get every actor. Residents are never exported here.
 */
@RestController
@RequestMapping("/api/export")
@Tag(name = "Export", description = "GeoJSON (RFC 7946), CSV and HSDS downloads, in French, Dutch or English")
class ExportController {

    static final String GEO_JSON = "application/geo+json";

    private final Exports exports;
    private final HsdsDirectory hsds;
    private final HelpCategories categories;

    ExportController(Exports exports, HsdsDirectory hsds, HelpCategories categories) {
        this.exports = exports;
        this.hsds = hsds;
        this.categories = categories;
    }

    @Bean
    static PublicPaths exportPublicPaths() {
        return PublicPaths.of("/api/export/**");
    }

    @GetMapping("/neighbourhoods.geojson")
    @Operation(summary = "Every neighbourhood polygon, with its names, area and municipalities")
    void neighbourhoods(@RequestParam(required = false) @Nullable String lang, Locale locale, HttpServletResponse response)
            throws IOException {
        String language = UserLanguage.of(lang, locale);
        try (OutputStream out = start(response, GEO_JSON, "neighbourhoods.geojson")) {
            exports.neighbourhoodsGeoJson(language, out);
        }
    }

    @GetMapping("/municipalities.geojson")
    @Operation(summary = "Every municipality polygon, with its names")
    void municipalities(@RequestParam(required = false) @Nullable String lang, Locale locale, HttpServletResponse response)
            throws IOException {
        String language = UserLanguage.of(lang, locale);
        try (OutputStream out = start(response, GEO_JSON, "municipalities.geojson")) {
            exports.municipalitiesGeoJson(language, out);
        }
    }

    @GetMapping("/actors.geojson")
    @Operation(summary = "Actors as points; optionally in one neighbourhood or offering one help category")
    void actorsGeoJson(@RequestParam(required = false) @Nullable String neighbourhood,
                       @RequestParam(required = false) @Nullable String category,
                       @RequestParam(required = false) @Nullable String lang, Locale locale, HttpServletResponse response)
            throws IOException {
        Exports.ActorFilter filter = filter(neighbourhood, category, lang, locale);
        try (OutputStream out = start(response, GEO_JSON, "actors.geojson")) {
            exports.actorsGeoJson(filter, out);
        }
    }

    @GetMapping("/actors.csv")
    @Operation(summary = "Actors as CSV in the reader's language; separator=semicolon for spreadsheets set to French or Dutch")
    void actorsCsv(@RequestParam(required = false) @Nullable String neighbourhood,
                   @RequestParam(required = false) @Nullable String category,
                   @RequestParam(defaultValue = "comma") String separator,
                   @RequestParam(required = false) @Nullable String lang, Locale locale, HttpServletResponse response)
            throws IOException {
        Exports.ActorFilter filter = filter(neighbourhood, category, lang, locale);
        char sep = switch (separator) {
            case "comma" -> ',';
            case "semicolon" -> ';';
            default -> throw new BadInputException("separator", "must be comma or semicolon");
        };
        try (OutputStream out = start(response, "text/csv;charset=UTF-8", "actors-" + filter.language() + ".csv")) {
            exports.actorsCsv(filter, sep, out);
        }
    }

    @GetMapping("/hsds.ndjson")
    @Operation(summary = "The whole public directory as Open Referral HSDS 3.0: fully nested services, one a line")
    void hsds(@RequestParam(required = false) @Nullable String lang, Locale locale, HttpServletResponse response)
            throws IOException {
        String language = UserLanguage.of(lang, locale);
        try (OutputStream out = start(response, "application/x-ndjson;charset=UTF-8", "hsds-services.ndjson")) {
            hsds.stream(HsdsDirectory.Kind.SERVICES, HsdsDirectory.Depth.FULL, HsdsDirectory.Filters.none(), language, out);
        }
    }

    /** Checked before the response starts, so that a bad parameter is a 400 naming it. */
    private Exports.ActorFilter filter(@Nullable String neighbourhood, @Nullable String category,
                                              @Nullable String lang, Locale locale) {
        if (neighbourhood != null && (neighbourhood.isBlank() || neighbourhood.length() > BoundaryImport.MAX_CODE_LENGTH)) {
            throw new BadInputException("neighbourhood", "must be a neighbourhood code");
        }
        if (category != null) {
            if (!CategoryLabel.CODE.matcher(category).matches()) {
                throw new BadInputException("category", "'" + category + "' is not a known help category code");
            }
            categories.requireKnown("category", List.of(category));
        }
        return new Exports.ActorFilter(CurrentUser.signedIn(), neighbourhood, category, UserLanguage.of(lang, locale));
    }

    private static OutputStream start(HttpServletResponse response, String contentType, String fileName) throws IOException {
        response.setContentType(contentType);
        response.setCharacterEncoding("UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"");
        return response.getOutputStream();
    }
}
