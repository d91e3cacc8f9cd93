package be.carenetwork.meeting;

import java.time.LocalDate;
import java.util.List;

import be.carenetwork.system.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
@Tag(name = "Care meetings", description = "Neighbourhood care meetings: attendance (which grows who knows whom), "
        + "contacts exchanged, anonymised cases, problems raised; who knows whom; the network's health")
class MeetingController {

    private final CareMeetings meetings;
    private final Acquaintances acquaintances;
    private final NetworkHealth health;
    private final TransactionTemplate transaction;

    MeetingController(CareMeetings meetings, Acquaintances acquaintances, NetworkHealth health, TransactionTemplate transaction) {
        this.meetings = meetings;
        this.acquaintances = acquaintances;
        this.health = health;
        this.transaction = transaction;
    }

    record AttendeeInput(@NotBlank String actorId, @Nullable Boolean sharesContact) {
    }

    record MeetingInput(@NotBlank String neighbourhood, @NotNull LocalDate date, @NotNull MeetingMode mode,
                        @NotBlank @Size(max = 200) String title,
                        @Nullable @Size(max = 200) List<@Valid @NotNull AttendeeInput> attendees) {
    }

    record MeetingChange(@NotNull LocalDate date, @NotNull MeetingMode mode, @NotBlank @Size(max = 200) String title) {
    }

    record SharesContact(@Nullable Boolean sharesContact) {
    }

    record CaseInput(@Nullable @Size(max = 10) List<String> categories, @NotBlank @Size(max = 4000) String situation,
                     @Nullable @Size(max = 4000) String tried, @Nullable @Size(max = 4000) String localSolution) {
    }

    record ProblemInput(@NotNull @Size(min = 1, max = 10, message = "tag the problem with 1 to 10 help categories") List<String> categories,
                        @NotBlank @Size(max = 2000) String description) {
    }

    record AcquaintanceInput(@Nullable LocalDate since) {
    }

    @GetMapping("/meetings")
    Page<CareMeeting> list(@RequestParam(required = false) @Nullable String neighbourhood,
                           @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return meetings.list(neighbourhood, page, size);
    }

    @PostMapping("/meetings")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('COORDINATOR', 'PROFESSIONAL')")
    @Operation(summary = "Records a meeting, with its attendees if known; attendees then know each other")
    CareMeeting create(@Valid @RequestBody MeetingInput input) {
        return transaction.execute(status -> {
            CareMeeting meeting = meetings.create(new CareMeetings.MeetingData(input.neighbourhood(), input.date(),
                    input.mode(), input.title().strip()));
            if (input.attendees() != null) {
                for (AttendeeInput attendee : input.attendees()) {
                    meeting = meetings.attend(meeting.id(), attendee.actorId(), Boolean.TRUE.equals(attendee.sharesContact()));
                }
            }
            return meeting;
        });
    }

    @GetMapping("/meetings/{id}")
    CareMeeting one(@PathVariable String id) {
        return meetings.get(id);
    }

    @PutMapping("/meetings/{id}")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'PROFESSIONAL')")
    CareMeeting update(@PathVariable String id, @Valid @RequestBody MeetingChange change) {
        return meetings.update(id, change.date(), change.mode(), change.title().strip());
    }

    @DeleteMapping("/meetings/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Removes a meeting, its cases and problems, and what it added to who knows whom")
    void delete(@PathVariable String id) {
        meetings.delete(id);
    }

    @PutMapping("/meetings/{id}/attendees/{actorId}")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'PROFESSIONAL')")
    @Operation(summary = "Adds an attendee (or changes whether it shares its contact details)")
    CareMeeting attend(@PathVariable String id, @PathVariable String actorId, @RequestBody(required = false) @Nullable SharesContact body) {
        return meetings.attend(id, actorId, body != null && Boolean.TRUE.equals(body.sharesContact()));
    }

    @DeleteMapping("/meetings/{id}/attendees/{actorId}")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'PROFESSIONAL')")
    CareMeeting leave(@PathVariable String id, @PathVariable String actorId) {
        return meetings.leave(id, actorId);
    }

    @GetMapping("/meetings/{id}/contacts")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'PROFESSIONAL')")
    @Operation(summary = "The contact list an attendee gets: only if it attended and agreed, only others who agreed")
    List<CareMeetings.Contact> contacts(@PathVariable String id, @RequestParam String actor) {
        return meetings.contacts(id, actor);
    }

    @PostMapping("/meetings/{id}/cases")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('COORDINATOR', 'PROFESSIONAL')")
    @Operation(summary = "Records an anonymised complex case; a 400 names the field holding an identifier")
    CareMeeting.MeetingCase addCase(@PathVariable String id, @Valid @RequestBody CaseInput input) {
        return meetings.addCase(id, new CareMeetings.CaseData(input.categories() == null ? List.of() : input.categories(),
                input.situation().strip(), input.tried(), input.localSolution()));
    }

    @PostMapping("/meetings/{id}/problems")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('COORDINATOR', 'PROFESSIONAL')")
    CareMeeting.MeetingProblem addProblem(@PathVariable String id, @Valid @RequestBody ProblemInput input) {
        return meetings.addProblem(id, new CareMeetings.ProblemData(input.categories(), input.description().strip()));
    }

    @DeleteMapping("/meetings/{id}/notes/{noteId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAnyRole('COORDINATOR', 'PROFESSIONAL')")
    @Operation(summary = "Removes a case or a problem")
    void removeNote(@PathVariable String id, @PathVariable String noteId) {
        meetings.removeNote(id, noteId);
    }

    @GetMapping("/network-health/{neighbourhood}")
    @Operation(summary = "Meetings over time, recurring problems and unmatched needs, fragile categories, bridges, "
            + "isolated actors, suggested introductions, and the network to draw")
    NetworkHealth.Report health(@PathVariable String neighbourhood) {
        return health.of(neighbourhood);
    }

    @GetMapping("/network/actors/{id}/knows")
    List<Acquaintances.Acquaintance> knows(@PathVariable String id) {
        return acquaintances.of(id);
    }

    @PutMapping("/network/knows/{actorId}/{otherId}")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'PROFESSIONAL')")
    @Operation(summary = "Records that two actors know each other, outside any meeting")
    Acquaintances.Acquaintance declare(@PathVariable String actorId, @PathVariable String otherId,
                                       @RequestBody(required = false) @Nullable AcquaintanceInput input) {
        return acquaintances.declare(actorId, otherId, input == null ? null : input.since());
    }

    @DeleteMapping("/network/knows/{actorId}/{otherId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAnyRole('COORDINATOR', 'PROFESSIONAL')")
    void undeclare(@PathVariable String actorId, @PathVariable String otherId) {
        acquaintances.undeclare(actorId, otherId);
    }
}
