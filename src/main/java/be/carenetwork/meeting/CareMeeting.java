package be.carenetwork.meeting;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A neighbourhood care meeting, with who attended and what was discussed.
 *
 * @param neighbourhood the code of the neighbourhood it was held in
 * @param cases the anonymised complex cases discussed
 * @param problems the problems raised
 */
public record CareMeeting(String id, String neighbourhood, LocalDate date, MeetingMode mode, String title,
                          List<Attendee> attendees, List<MeetingCase> cases, List<MeetingProblem> problems) {

    /** @param sharesContact whether the attendee agreed to exchange contact details with the others who agreed */
    public record Attendee(String actorId, String name, String kind, boolean sharesContact) {
    }

    /** An anonymised complex case: no names, no identifiers. */
    public record MeetingCase(String id, List<String> categories, String situation, @Nullable String tried,
                              @Nullable String localSolution) {
    }

    public record MeetingProblem(String id, List<String> categories, String description) {
    }
}
