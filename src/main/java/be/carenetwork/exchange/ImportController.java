package be.carenetwork.exchange;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import be.carenetwork.system.BadInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Imports by upload, for coordinators: the same service and the same checks as the command line. A refused file is a
 * 400 listing each problem with its line or feature ({@code errors[].field}) and leaves the graph as it was; a file
 * over {@code care.exchange.max-file-size} is a 413.
 */
@RestController
@RequestMapping("/api/import")
@PreAuthorize("hasRole('COORDINATOR')")
@Tag(name = "Import", description = "Neighbourhood and municipality boundaries, actors (CSV, GeoJSON, OpenStreetMap) and HSDS datasets")
class ImportController {

    private final Imports imports;

    ImportController(Imports imports) {
        this.imports = imports;
    }

    @PostMapping(path = "/neighbourhoods", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Neighbourhood polygons from GeoJSON (WGS84 or Lambert 72), by code; linked to the municipalities they overlap")
    ImportSummary neighbourhoods(@RequestPart MultipartFile file, @RequestParam String codeProperty,
                                 @RequestParam(required = false) @Nullable String nameProperty,
                                 @RequestParam(required = false) @Nullable String nameFrProperty,
                                 @RequestParam(required = false) @Nullable String nameNlProperty,
                                 @RequestParam(required = false) @Nullable String primaryCareZoneProperty,
                                 @RequestParam(required = false) @Nullable String crs,
                                 @RequestParam(required = false) @Nullable String attribution) throws IOException {
        return imports.neighbourhoods(read(file), boundaryOptions(codeProperty, nameProperty, nameFrProperty, nameNlProperty,
                primaryCareZoneProperty, crs, attribution), ImportProgress.NONE);
    }

    @PostMapping(path = "/municipalities", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Municipality polygons from GeoJSON, by NIS code; neighbourhoods are linked to them again")
    ImportSummary municipalities(@RequestPart MultipartFile file, @RequestParam String codeProperty,
                                 @RequestParam(required = false) @Nullable String nameProperty,
                                 @RequestParam(required = false) @Nullable String nameFrProperty,
                                 @RequestParam(required = false) @Nullable String nameNlProperty,
                                 @RequestParam(required = false) @Nullable String crs,
                                 @RequestParam(required = false) @Nullable String attribution) throws IOException {
        return imports.municipalities(read(file), boundaryOptions(codeProperty, nameProperty, nameFrProperty, nameNlProperty,
                null, crs, attribution), ImportProgress.NONE);
    }

    @PostMapping(path = "/actors", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Actors from CSV or GeoJSON, through a mapping file (YAML or JSON) or the built-in OpenStreetMap mapping")
    ImportSummary actors(@RequestPart MultipartFile file, @RequestPart(required = false) @Nullable MultipartFile mapping,
                         @RequestParam(required = false) @Nullable String source,
                         @RequestParam(required = false) @Nullable String crs,
                         @RequestParam(required = false) @Nullable String attribution,
                         @RequestParam(defaultValue = "false") boolean skipInvalid) throws IOException {
        return imports.actors(read(file), new ActorOptions(mapping == null || mapping.isEmpty() ? null : read(mapping),
                source(source), crs(crs), attribution, skipInvalid), ImportProgress.NONE);
    }

    @PostMapping(path = "/hsds", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "An Open Referral HSDS 3.0 dataset (JSON, a page of results, or NDJSON)")
    ImportSummary hsds(@RequestPart MultipartFile file, @RequestParam(required = false) @Nullable String source,
                       @RequestParam(required = false) @Nullable String attribution,
                       @RequestParam(defaultValue = "false") boolean skipInvalid) throws IOException {
        return imports.hsds(read(file), new ActorOptions(null, source(source), null, attribution, skipInvalid), ImportProgress.NONE);
    }

    @ExceptionHandler
    ProblemDetail refused(ImportRejectedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("File refused");
        problem.setProperty("file", e.file());
        problem.setProperty("count", e.count());
        problem.setProperty("errors", e.problems().stream()
                .map(p -> Map.of("field", p.where(), "reason", p.reason())).toList());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail tooLarge(FileTooLargeException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, e.getMessage());
        problem.setTitle("File too large");
        return problem;
    }

    private SourceFile read(MultipartFile file) throws IOException {
        String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? file.getName()
                : file.getOriginalFilename();
        return SourceFile.read(name, file.getInputStream(), file.getSize(), imports.maxFileSize());
    }

    static BoundaryOptions boundaryOptions(String codeProperty, @Nullable String nameProperty, @Nullable String nameFrProperty,
                                           @Nullable String nameNlProperty, @Nullable String primaryCareZoneProperty,
                                           @Nullable String crs, @Nullable String attribution) {
        String fr = nameFrProperty != null ? nameFrProperty : nameProperty != null ? nameProperty : BoundaryOptions.DEFAULT_NAME_FR;
        String nl = nameNlProperty != null ? nameNlProperty : nameProperty != null ? nameProperty : BoundaryOptions.DEFAULT_NAME_NL;
        return new BoundaryOptions(codeProperty, fr, nl, primaryCareZoneProperty, crs(crs), attribution);
    }

    static @Nullable Crs crs(@Nullable String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        return Crs.parse(name).orElseThrow(() -> new BadInputException("crs", "'" + name + "' is not supported: use " + Crs.supported()));
    }

    static @Nullable String source(@Nullable String source) {
        if (source != null && !source.matches("[a-z0-9][a-z0-9_-]{0,29}")) {
            throw new BadInputException("source", "must be 1 to 30 lower-case letters, digits, '-' or '_' (it prefixes the actors' ids)");
        }
        return source;
    }

    static List<String> kinds() {
        return List.of("neighbourhoods", "municipalities", "actors", "hsds");
    }
}
