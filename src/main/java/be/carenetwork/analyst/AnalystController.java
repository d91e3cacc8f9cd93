package be.carenetwork.analyst;

import java.io.IOException;
import java.security.Principal;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import be.carenetwork.system.BadInputException;
import be.carenetwork.system.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectMapper;

@RestController
@RequestMapping("/api/analyst")
@PreAuthorize("hasAnyRole('ANALYST', 'COORDINATOR')")
@Tag(name = "Analysts", description = "Read-only Cypher on the pseudonymised analyst graph, the analyst query library, exports")
class AnalystController {

    static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);
    static final MediaType GEO_JSON = new MediaType("application", "geo+json");

    private final AnalystQueries queries;
    private final QueryLibrary library;
    private final AnalystGraph graph;
    private final PseudonymisedSnapshot snapshot;
    private final ObjectMapper json;

    AnalystController(AnalystQueries queries, QueryLibrary library, AnalystGraph graph, PseudonymisedSnapshot snapshot,
                      ObjectMapper json) {
        this.queries = queries;
        this.library = library;
        this.graph = graph;
        this.snapshot = snapshot;
        this.json = json;
    }

    /**
     * @param cypher read-only Cypher, with {@code $parameters}
     * @param maxRows fewer rows than the cap of the format (JSON: care.analyst.max-rows, CSV and GeoJSON:
     *                care.analyst.max-export-rows)
     * @param timeoutSeconds a shorter time-out than care.analyst.query-timeout
     * @param profile run it with PROFILE and return the plan with the rows
     */
    record CustomQuery(@NotNull String cypher, @Nullable Map<String, Object> parameters, @Nullable Integer maxRows,
                       @Nullable Integer timeoutSeconds, @Nullable Boolean profile) {
    }

    record LibraryRun(@Nullable Map<String, Object> parameters, @Nullable Integer maxRows,
                      @Nullable Integer timeoutSeconds, @Nullable Boolean profile) {
    }

    enum Format { JSON, CSV, GEOJSON }

    @GetMapping("/status")
    @Operation(summary = "The analyst graph: ready or not, when it was refreshed, how to connect over Bolt")
    AnalystGraph.Status status() {
        return graph.status();
    }

    @PostMapping("/refresh")
    @Operation(summary = "Builds a fresh analyst graph from the main graph now, in the background (202)")
    ResponseEntity<AnalystGraph.Status> refresh(Principal user) {
        if (!graph.requestRefresh()) {
            throw QueryFailure.refused("There is no analyst graph to refresh here (care.analyst.graph)");
        }
        AnalystAudit.record(user.getName(), "refresh", "refresh the analyst graph", Map.of(), 0, 0, "ok", null);
        return ResponseEntity.accepted().body(graph.status());
    }

    @GetMapping("/queries")
    @Operation(summary = "The analyst query library")
    Collection<LibraryQuery> library() {
        return library.all();
    }

    @GetMapping("/queries/{name}")
    LibraryQuery libraryQuery(@PathVariable String name) {
        return library.get(name);
    }

    @PostMapping("/queries/{name}")
    @Operation(summary = "Runs a library query: JSON, or CSV / GeoJSON (Accept header or format parameter), streamed")
    ResponseEntity<?> runLibraryQuery(@PathVariable String name, @RequestBody(required = false) @Nullable LibraryRun run,
                                      @RequestParam(required = false) @Nullable String format,
                                      @RequestHeader(value = HttpHeaders.ACCEPT, required = false) @Nullable String accept,
                                      Principal user, HttpServletResponse response) throws IOException {
        LibraryRun body = run == null ? new LibraryRun(null, null, null, null) : run;
        Format answer = format(format, accept);
        var limits = queries.limits(body.maxRows(), body.timeoutSeconds(), answer != Format.JSON, Boolean.TRUE.equals(body.profile()));
        QueryRows rows = queries.library(user.getName(), name, orEmpty(body.parameters()), limits);
        return respond(rows, answer, limits.maxRows(), name, response);
    }

    @PostMapping("/query")
    @Operation(summary = "Runs an analyst's own read-only Cypher on the pseudonymised analyst graph")
    ResponseEntity<?> runQuery(@RequestBody CustomQuery query, @RequestParam(required = false) @Nullable String format,
                               @RequestHeader(value = HttpHeaders.ACCEPT, required = false) @Nullable String accept,
                               Principal user, HttpServletResponse response) throws IOException {
        if (query.cypher() == null) {
            throw new BadInputException("cypher", "is required");
        }
        Format answer = format(format, accept);
        var limits = queries.limits(query.maxRows(), query.timeoutSeconds(), answer != Format.JSON, Boolean.TRUE.equals(query.profile()));
        QueryRows rows = queries.custom(user.getName(), query.cypher(), orEmpty(query.parameters()), limits);
        return respond(rows, answer, limits.maxRows(), "analyst-query", response);
    }

    @GetMapping("/snapshot")
    @Operation(summary = "The files of the pseudonymised snapshot")
    List<Map<String, Object>> snapshotFiles() {
        return Arrays.stream(SnapshotKind.values()).map(kind -> Map.<String, Object>of("kind", kind.fileName(),
                "csv", "/api/analyst/snapshot/" + kind.fileName() + ".csv",
                "geojson", kind.geometryColumn().isPresent() ? "/api/analyst/snapshot/" + kind.fileName() + ".geojson" : "",
                "columns", kind.columns())).toList();
    }

    @GetMapping("/snapshot/{file:.+}")
    @Operation(summary = "One kind of the pseudonymised snapshot of the main graph, as CSV or GeoJSON, streamed")
    void snapshot(@PathVariable String file, Principal user, HttpServletResponse response) throws IOException {
        int dot = file.lastIndexOf('.');
        String extension = dot < 0 ? "" : file.substring(dot + 1);
        SnapshotKind kind = SnapshotKind.named(dot < 0 ? file : file.substring(0, dot))
                .orElseThrow(() -> new NotFoundException("snapshot file", file));
        Format format = switch (extension) {
            case "csv" -> Format.CSV;
            case "geojson" -> kind.geometryColumn().isPresent() ? Format.GEOJSON
                    : failFormat("file", kind.fileName() + " has no locations; ask for " + kind.fileName() + ".csv");
            default -> failFormat("file", "must end in .csv or .geojson");
        };
        long started = System.nanoTime();
        AtomicLong rows = new AtomicLong();
        String outcome = "failed";
        response.setContentType((format == Format.CSV ? CSV : GEO_JSON).toString());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file).build().toString());
        try (TableWriter writer = format == Format.CSV ? TableWriter.csv(response.getOutputStream(), json)
                : TableWriter.geoJson(response.getOutputStream(), json, kind.geometryColumn().orElseThrow())) {
            writer.start(kind.columns());
            snapshot.read(kind, row -> {
                writer.row(kind.columns().stream().map(row::get).toList());
                rows.incrementAndGet();
            });
            outcome = "ok";
        } finally {
            AnalystAudit.record(user.getName(), "export:" + kind.fileName(), "snapshot " + file, Map.of(), rows.get(),
                    (System.nanoTime() - started) / 1e6, outcome, null);
        }
    }

    /**
     * JSON is read whole (it is capped) and returned; CSV and GeoJSON are written row by row as they are read, in this
     * request's thread. The first row was read before anything is written, so most failures still get their status;
     * a failure after that (a time-out in the middle of a long export) breaks the connection off, so that a client
     * never takes half an answer for a whole one.
     */
    private @Nullable ResponseEntity<?> respond(QueryRows rows, Format format, int maxRows, String fileName,
                                                HttpServletResponse response) throws IOException {
        if (format == Format.JSON) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(AnalystQueries.answer(rows, maxRows));
        }
        try (rows) {
            response.setContentType((format == Format.CSV ? CSV : GEO_JSON).toString());
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                    .filename(fileName + (format == Format.CSV ? ".csv" : ".geojson")).build().toString());
            try (TableWriter writer = format == Format.CSV ? TableWriter.csv(response.getOutputStream(), json)
                    : TableWriter.geoJson(response.getOutputStream(), json,
                            rows.columns().contains("geometry") ? "geometry" : null)) {
                writer.start(rows.columns());
                for (List<@Nullable Object> row = rows.next(); row != null; row = rows.next()) {
                    writer.row(row);
                }
            }
        }
        return null;
    }

    static Format format(@Nullable String format, @Nullable String accept) {
        if (format != null) {
            return switch (format.toLowerCase(Locale.ROOT)) {
                case "json" -> Format.JSON;
                case "csv" -> Format.CSV;
                case "geojson" -> Format.GEOJSON;
                default -> failFormat("format", "must be json, csv or geojson");
            };
        }
        if (accept != null && accept.contains("text/csv")) {
            return Format.CSV;
        }
        if (accept != null && accept.contains("application/geo+json")) {
            return Format.GEOJSON;
        }
        return Format.JSON;
    }

    private static Format failFormat(String field, String reason) {
        throw new BadInputException(field, reason);
    }

    private static Map<String, Object> orEmpty(@Nullable Map<String, Object> parameters) {
        return parameters == null ? Map.of() : parameters;
    }

    @ExceptionHandler
    ProblemDetail queryFailed(QueryFailure failure) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(failure.kind().status, failure.getMessage());
        problem.setTitle(failure.kind().title);
        if (failure.neo4jCode() != null && !failure.neo4jCode().isEmpty()) {
            problem.setProperty("neo4jCode", failure.neo4jCode());
        }
        QueryFailure.Position position = failure.position();
        if (position != null) {
            problem.setProperty("line", position.line());
            problem.setProperty("column", position.column());
            problem.setProperty("offset", position.offset());
        }
        if (failure.kind().status == HttpStatus.BAD_REQUEST) {
            problem.setProperty("errors", List.of(Map.of("field", "cypher", "reason", String.valueOf(failure.getMessage()))));
        }
        return problem;
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> notReady(AnalystGraph.NotReadyException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        problem.setTitle("Analyst graph not ready");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "30").body(problem);
    }
}
