package be.carenetwork.map;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

import be.carenetwork.directory.OpeningHours;
import be.carenetwork.security.CurrentUser;
import be.carenetwork.security.PublicPaths;
import be.carenetwork.system.BadInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/geo")
@Tag(name = "Map (GeoJSON)", description = "RFC 7946 GeoJSON for Leaflet or OpenLayers: neighbourhood boundaries, actors, "
        + "care-meeting links and coverage. Anonymous users see public actors only; residents are never in it.")
class GeoController {

    private final NeighbourhoodFeatures neighbourhoods;
    private final ActorFeatures actors;
    private final MeetingMap meetings;
    private final CoverageMap coverage;
    private final GeoJsonResponses responses;
    private final RecentBodies recent;

    GeoController(NeighbourhoodFeatures neighbourhoods, ActorFeatures actors, MeetingMap meetings, CoverageMap coverage,
                  GeoJsonResponses responses,
                  RecentBodies recent) {
        this.neighbourhoods = neighbourhoods;
        this.actors = actors;
        this.meetings = meetings;
        this.coverage = coverage;
        this.responses = responses;
        this.recent = recent;
    }

    /** Coverage counts residents, so it stays behind sign-in: it is not listed here. */
    @Bean
    static PublicPaths geoPublicPaths() {
        return PublicPaths.of("/api/geo/neighbourhoods", "/api/geo/actors", "/api/geo/actors/*", "/api/geo/meetings/*");
    }

    @GetMapping("/neighbourhoods")
    @Operation(summary = "Neighbourhood boundaries (Polygon or MultiPolygon, 5 decimals) with names, centroid and actor count")
    ResponseEntity<byte[]> neighbourhoods(@RequestParam(required = false) @Nullable String code, HttpServletRequest request) {
        boolean signedIn = CurrentUser.signedIn();
        byte[] body = recent.get(Arrays.asList("neighbourhoods", code, signedIn), () -> neighbourhoods.collection(code, signedIn));
        return responses.send(body, request, !signedIn);
    }

    @GetMapping("/actors")
    @Operation(summary = "Actors as points (6 decimals): id, name, kind, categories, languages, wheelchair, open now",
            description = "Filters combine with AND. category (repeatable or comma-separated) includes narrower categories; "
                    + "kind (repeatable); formal=true|false; language (ISO 639); targetGroup; wheelchair=yes|limited; "
                    + "openNow=true (Europe/Brussels time); q (part of the name); bbox=west,south,east,north.")
    ResponseEntity<byte[]> actors(@RequestParam(required = false) @Nullable String neighbourhood,
                                  @RequestParam(required = false) @Nullable List<String> category,
                                  @RequestParam(required = false) @Nullable List<String> kind,
                                  @RequestParam(required = false) @Nullable String formal,
                                  @RequestParam(required = false) @Nullable String language,
                                  @RequestParam(required = false) @Nullable String targetGroup,
                                  @RequestParam(required = false) @Nullable String wheelchair,
                                  @RequestParam(required = false) @Nullable String openNow,
                                  @RequestParam(required = false) @Nullable String q,
                                  @RequestParam(required = false) @Nullable String bbox,
                                  HttpServletRequest request) {
        ActorFilter filter = ActorFilter.of(neighbourhood, category, kind, formal, language, targetGroup, wheelchair,
                openNow, q, bbox);
        boolean signedIn = CurrentUser.signedIn();
        // "open now" is part of every actor's properties: the half hour is part of the key.
        int slot = OpeningHours.slotOf(LocalDateTime.now(ActorFeatures.BRUSSELS));
        byte[] body = recent.get(List.of("actors", filter.key(), signedIn, slot), () -> actors.collection(filter, signedIn));
        return responses.send(body, request, !signedIn);
    }

    @GetMapping("/actors/{id}")
    @Operation(summary = "One actor as a Feature with what its popup shows: offers, languages, hours, public contacts, whom it refers to")
    ResponseEntity<byte[]> actor(@PathVariable String id, HttpServletRequest request) {
        boolean signedIn = CurrentUser.signedIn();
        return responses.send(actors.detail(id, signedIn), request, !signedIn);
    }

    @GetMapping("/meetings/{neighbourhood}")
    @Operation(summary = "Who knows whom (KNOWS lines) in a neighbourhood, and who attended its care meeting on a date (default today)")
    ResponseEntity<byte[]> meeting(@PathVariable String neighbourhood, @RequestParam(required = false) @Nullable String date,
                                   HttpServletRequest request) {
        boolean signedIn = CurrentUser.signedIn();
        return responses.send(meetings.of(neighbourhood, date(date), signedIn), request, !signedIn);
    }

    @GetMapping("/coverage")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Per neighbourhood: share of residents with a capacity of the category within walking distance, "
            + "and capacity owners near the centroid (counts only)")
    CoverageMap.Coverage coverage(@RequestParam String category) {
        return coverage.of(category);
    }

    private static LocalDate date(@Nullable String date) {
        if (date == null || date.isBlank()) {
            return LocalDate.now(ActorFeatures.BRUSSELS);
        }
        try {
            return LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw new BadInputException("date", "must be a date such as 2026-11-22");
        }
    }
}
