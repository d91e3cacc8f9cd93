package be.carenetwork.matching;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/matching")
@PreAuthorize("hasRole('COORDINATOR')")
@Tag(name = "Matching", description = "Proposals for a need, the coordinator's validation, help logged, after care, "
        + "the dashboard; coordinators of the need's neighbourhood only, except reading one match")
class MatchingController {

    private final CapacityMatching matching;
    private final MatchWorkflow workflow;
    private final Matches matches;
    private final MatchingDashboard dashboard;
    private final ResidentDataExport export;

    MatchingController(CapacityMatching matching, MatchWorkflow workflow, Matches matches, MatchingDashboard dashboard,
                       ResidentDataExport export) {
        this.matching = matching;
        this.workflow = workflow;
        this.matches = matches;
        this.dashboard = dashboard;
        this.export = export;
    }

    record ProposeInput(@NotBlank String capacityId) {
    }

    record HelpInput(@NotNull LocalDate date, @Nullable @Size(max = 500) String what,
                     @NotNull @Min(value = 1, message = "must be at least 1 minute")
                     @Max(value = 1440, message = "must be at most 1440 minutes (a day)") Integer minutes) {
    }

    record CloseInput(@Nullable LocalDate afterCareDue) {
    }

    record AfterCareInput(@NotBlank @Size(max = 2000) String outcome) {
    }

    record DeclineInput(@NotBlank @Size(max = 1000) String reason) {
    }

    @GetMapping("/needs/{needId}/proposals")
    @Operation(summary = "Ranked capacities for a need, with reasons; when none, why and where to turn instead")
    Proposals proposals(@PathVariable String needId, @RequestParam(defaultValue = "10") int limit) {
        return matching.propose(needId, limit, Caller.current());
    }

    @GetMapping("/needs/{needId}/matches")
    List<MatchView> ofNeed(@PathVariable String needId) {
        Caller caller = Caller.current();
        caller.requireCoordinatorOf(matching.facts(needId).neighbourhood());
        return matches.ofNeed(needId, caller);
    }

    @PostMapping("/needs/{needId}/matches")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Propose one of the need's proposals to the helper: a PROPOSED match")
    MatchView propose(@PathVariable String needId, @Valid @RequestBody ProposeInput input) {
        return workflow.propose(needId, input.capacityId(), Caller.current(), OffsetDateTime.now());
    }

    @GetMapping("/matches/{id}")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'PROFESSIONAL', 'ANALYST')")
    @Operation(summary = "One match; the person helped is a pseudonym unless you coordinate the need's neighbourhood")
    MatchView one(@PathVariable String id) {
        return matches.get(id, Caller.current());
    }

    @GetMapping("/matches/{id}/audit")
    @Operation(summary = "Every change to the match: who, when, before, after")
    List<MatchView.AuditEntry> audit(@PathVariable String id) {
        return matches.audit(id, Caller.current());
    }

    @PostMapping("/matches/{id}/validate")
    MatchView validate(@PathVariable String id) {
        return workflow.validate(id, Caller.current(), OffsetDateTime.now());
    }

    @PostMapping("/matches/{id}/activate")
    MatchView activate(@PathVariable String id) {
        return workflow.activate(id, Caller.current(), OffsetDateTime.now());
    }

    @PostMapping("/matches/{id}/help")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Log help provided (date, what, minutes); a validated match becomes active")
    MatchView logHelp(@PathVariable String id, @Valid @RequestBody HelpInput input) {
        return workflow.logHelp(id, input.date(), input.what(), input.minutes(), Caller.current(), OffsetDateTime.now());
    }

    @PostMapping("/matches/{id}/close")
    @Operation(summary = "Close the match and its need; after care is due on afterCareDue (default: in care.matching.after-care-days)")
    MatchView close(@PathVariable String id, @Valid @RequestBody(required = false) @Nullable CloseInput input) {
        return workflow.close(id, input == null ? null : input.afterCareDue(), Caller.current(), OffsetDateTime.now());
    }

    @PostMapping("/matches/{id}/after-care")
    MatchView afterCare(@PathVariable String id, @Valid @RequestBody AfterCareInput input) {
        return workflow.recordAfterCare(id, input.outcome(), Caller.current(), OffsetDateTime.now());
    }

    @PostMapping("/matches/{id}/decline")
    MatchView decline(@PathVariable String id, @Valid @RequestBody DeclineInput input) {
        return workflow.decline(id, input.reason(), Caller.current(), OffsetDateTime.now());
    }

    @GetMapping("/dashboard")
    @Operation(summary = "People matched, help provided, after care, open needs, gaps, unused capacities; from/to default to the last year")
    MatchingDashboard.Dashboard dashboard(@RequestParam String neighbourhood,
                                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
                                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {
        return dashboard.of(neighbourhood, from, to, Caller.current(), LocalDate.now());
    }

    @GetMapping(value = "/dashboard.csv", produces = "text/csv")
    ResponseEntity<String> dashboardCsv(@RequestParam String neighbourhood,
                                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
                                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {
        MatchingDashboard.Dashboard d = dashboard.of(neighbourhood, from, to, Caller.current(), LocalDate.now());
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"matching-" + d.neighbourhood().replaceAll("[^A-Za-z0-9_-]", "_")
                        + "-" + d.from() + "-" + d.to() + ".csv\"")
                .body(MatchingDashboard.csv(d));
    }

    @GetMapping("/residents/{id}/export")
    @Operation(summary = "GDPR: everything held about a resident, as JSON (erase them with DELETE /api/residents/{id})")
    ResidentDataExport.Export export(@PathVariable String id) {
        return export.export(id, Caller.current());
    }
}
