package be.carenetwork.exchange.hsds;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;

import be.carenetwork.exchange.UserLanguage;
import be.carenetwork.security.PublicPaths;
import be.carenetwork.system.BadInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.node.ObjectNode;

/**
 * The read endpoints of the Open Referral HSDS 3.0 API (its OpenAPI is in the HSDS schema folder), open to everyone
 * and serving public actors only. Pages are numbered from 1; {@code format=ndjson} streams every result, one object a
 * line, without pages. Beyond the spec: {@code lat}/{@code lon} give the centre for {@code proximity} (metres), and
 * {@code lang} (fr, nl, en; else Accept-Language) the language of term and place names.
 */
@RestController
@RequestMapping("/hsds")
@Tag(name = "Open Referral HSDS 3.0", description = "Public actors as HSDS organizations, services, locations and taxonomy terms")
class HsdsController {

    static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");

    private final HsdsDirectory directory;

    HsdsController(HsdsDirectory directory) {
        this.directory = directory;
    }

    @Bean
    static PublicPaths hsdsPublicPaths() {
        return PublicPaths.of("/hsds", "/hsds/", "/hsds/**");
    }

    @GetMapping({"", "/"})
    @Operation(summary = "Information about this API and its relationship with HSDS")
    ObjectNode meta(HttpServletRequest request) {
        return directory.meta(ServletUriComponentsBuilder.fromContextPath(request).build().toUriString());
    }

    @GetMapping("/services")
    @Operation(summary = "Paginated services (one-to-one fields, or fully nested with full=true); minimal=true: ids and last_modified")
    @Nullable ObjectNode services(@RequestParam(required = false) @Nullable String search,
                               @RequestParam(defaultValue = "1") int page,
                               @RequestParam(name = "per_page", defaultValue = "50") int perPage,
                               @RequestParam(required = false) @Nullable String format,
                               @RequestParam(name = "taxonomy_term_id", required = false) @Nullable String taxonomyTermId,
                               @RequestParam(name = "taxonomy_id", required = false) @Nullable String taxonomyId,
                               @RequestParam(name = "organization_id", required = false) @Nullable String organizationId,
                               @RequestParam(name = "modified_after", required = false) @Nullable String modifiedAfter,
                               @RequestParam(defaultValue = "false") boolean minimal,
                               @RequestParam(defaultValue = "false") boolean full,
                               @RequestParam(required = false) @Nullable String postcode,
                               @RequestParam(required = false) @Nullable String proximity,
                               @RequestParam(required = false) @Nullable Double lat,
                               @RequestParam(required = false) @Nullable Double lon,
                               @RequestParam(required = false) @Nullable String lang, Locale locale,
                                         HttpServletResponse response) throws IOException {
        var filters = new HsdsDirectory.Filters(search, taxonomyTermId, taxonomyId, organizationId, modifiedAfter, postcode,
                proximity, lat, lon);
        HsdsDirectory.Depth depth = minimal ? HsdsDirectory.Depth.MINIMAL : full ? HsdsDirectory.Depth.FULL : HsdsDirectory.Depth.LIST;
        return list(HsdsDirectory.Kind.SERVICES, depth, filters, format, page, perPage, UserLanguage.of(lang, locale), response);
    }

    @GetMapping("/services/{id}")
    @Operation(summary = "A fully nested service")
    ObjectNode service(@PathVariable String id, @RequestParam(required = false) @Nullable String lang, Locale locale) {
        return directory.service(id, UserLanguage.of(lang, locale));
    }

    @GetMapping("/organizations")
    @Operation(summary = "Paginated organizations (one-to-one fields, or fully nested with full=true)")
    @Nullable ObjectNode organizations(@RequestParam(required = false) @Nullable String search,
                                    @RequestParam(name = "full_service", defaultValue = "false") boolean fullService,
                                    @RequestParam(defaultValue = "false") boolean full,
                                    @RequestParam(defaultValue = "1") int page,
                                    @RequestParam(name = "per_page", defaultValue = "50") int perPage,
                                    @RequestParam(required = false) @Nullable String format,
                                    @RequestParam(required = false) @Nullable String lang, Locale locale,
                                         HttpServletResponse response) throws IOException {
        HsdsDirectory.Depth depth = full ? (fullService ? HsdsDirectory.Depth.FULL_WITH_SERVICES : HsdsDirectory.Depth.FULL)
                : HsdsDirectory.Depth.LIST;
        var filters = new HsdsDirectory.Filters(search, null, null, null, null, null, null, null, null);
        return list(HsdsDirectory.Kind.ORGANIZATIONS, depth, filters, format, page, perPage, UserLanguage.of(lang, locale), response);
    }

    @GetMapping("/organizations/{id}")
    @Operation(summary = "A fully nested organization, with its services (full_service=true: fully nested too)")
    ObjectNode organization(@PathVariable String id, @RequestParam(name = "full_service", defaultValue = "false") boolean fullService,
                            @RequestParam(required = false) @Nullable String lang, Locale locale) {
        return directory.organization(id, fullService, UserLanguage.of(lang, locale));
    }

    @GetMapping("/service_at_locations")
    @Operation(summary = "Paginated services at locations; proximity (metres) around lat/lon, nearest first")
    @Nullable ObjectNode serviceAtLocations(@RequestParam(required = false) @Nullable String search,
                                         @RequestParam(name = "taxonomy_term_id", required = false) @Nullable String taxonomyTermId,
                                         @RequestParam(name = "taxonomy_id", required = false) @Nullable String taxonomyId,
                                         @RequestParam(name = "organization_id", required = false) @Nullable String organizationId,
                                         @RequestParam(name = "modified_after", required = false) @Nullable String modifiedAfter,
                                         @RequestParam(defaultValue = "false") boolean full,
                                         @RequestParam(defaultValue = "1") int page,
                                         @RequestParam(name = "per_page", defaultValue = "50") int perPage,
                                         @RequestParam(required = false) @Nullable String format,
                                         @RequestParam(required = false) @Nullable String postcode,
                                         @RequestParam(required = false) @Nullable String proximity,
                                         @RequestParam(required = false) @Nullable Double lat,
                                         @RequestParam(required = false) @Nullable Double lon,
                                         @RequestParam(required = false) @Nullable String lang, Locale locale,
                                         HttpServletResponse response) throws IOException {
        var filters = new HsdsDirectory.Filters(search, taxonomyTermId, taxonomyId, organizationId, modifiedAfter, postcode,
                proximity, lat, lon);
        return list(HsdsDirectory.Kind.SERVICE_AT_LOCATIONS, full ? HsdsDirectory.Depth.FULL : HsdsDirectory.Depth.LIST,
                filters, format, page, perPage, UserLanguage.of(lang, locale), response);
    }

    @GetMapping("/service_at_locations/{id}")
    @Operation(summary = "A fully nested service at a location, with its location and service")
    ObjectNode serviceAtLocation(@PathVariable String id, @RequestParam(required = false) @Nullable String lang, Locale locale) {
        return directory.serviceAtLocation(id, UserLanguage.of(lang, locale));
    }

    @GetMapping("/taxonomies")
    @Operation(summary = "Paginated taxonomies: the one of help categories")
    ObjectNode taxonomies(@RequestParam(required = false) @Nullable String search, @RequestParam(defaultValue = "1") int page,
                          @RequestParam(name = "per_page", defaultValue = "50") int perPage,
                          @RequestParam(required = false) @Nullable String format) {
        json(format);
        return directory.taxonomies(search, page, perPage);
    }

    @GetMapping("/taxonomies/{id}")
    ObjectNode taxonomy(@PathVariable String id) {
        return directory.taxonomy(id);
    }

    @GetMapping("/taxonomy_terms")
    @Operation(summary = "Paginated taxonomy terms: the help categories; top_only: those without a parent")
    @Nullable ObjectNode taxonomyTerms(@RequestParam(required = false) @Nullable String search,
                                    @RequestParam(defaultValue = "1") int page,
                                    @RequestParam(name = "per_page", defaultValue = "50") int perPage,
                                    @RequestParam(required = false) @Nullable String format,
                                    @RequestParam(name = "taxonomy_id", required = false) @Nullable String taxonomyId,
                                    @RequestParam(name = "top_only", defaultValue = "false") boolean topOnly,
                                    @RequestParam(name = "parent_id", required = false) @Nullable String parentId,
                                    @RequestParam(required = false) @Nullable String lang, Locale locale,
                                         HttpServletResponse response) throws IOException {
        List<ObjectNode> terms = directory.terms(search, taxonomyId, topOnly, parentId, UserLanguage.of(lang, locale));
        if (ndjson(format)) {
            response.setContentType(NDJSON.toString());
            response.setCharacterEncoding("UTF-8");
            try (OutputStream out = response.getOutputStream()) {
                terms.forEach(term -> directory.writeLine(out, term));
            }
            return null;
        }
        return directory.termPage(terms, page, perPage);
    }

    @GetMapping("/taxonomy_terms/{id}")
    ObjectNode taxonomyTerm(@PathVariable String id, @RequestParam(required = false) @Nullable String lang, Locale locale) {
        return directory.term(id, UserLanguage.of(lang, locale));
    }

    /**
     * A page, or with {@code format=ndjson} every result written to the response as it is read (the request's own
     * thread, a virtual one, streams it; nothing is built in memory but a batch).
     */
    private @Nullable ObjectNode list(HsdsDirectory.Kind kind, HsdsDirectory.Depth depth, HsdsDirectory.Filters filters,
                                      @Nullable String format, int page, int perPage, String language,
                                      HttpServletResponse response) throws IOException {
        if (ndjson(format)) {
            // Checked before streaming starts, so that bad filters are a 400, not a broken stream.
            directory.query(filters, language);
            response.setContentType(NDJSON.toString());
            response.setCharacterEncoding("UTF-8");
            try (OutputStream out = response.getOutputStream()) {
                directory.stream(kind, depth, filters, language, out);
            }
            return null;
        }
        return directory.page(kind, depth, filters, page, perPage, language);
    }

    private static boolean ndjson(@Nullable String format) {
        return !json(format);
    }

    private static boolean json(@Nullable String format) {
        if (format == null || format.equalsIgnoreCase("json")) {
            return true;
        }
        if (format.equalsIgnoreCase("ndjson")) {
            return false;
        }
        throw new BadInputException("format", "must be json or ndjson");
    }
}
