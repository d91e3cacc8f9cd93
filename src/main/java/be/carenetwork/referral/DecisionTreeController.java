package be.carenetwork.referral;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import be.carenetwork.system.GeoPoint;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
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
@RequestMapping("/api/decision-tree")
@Tag(name = "Decision tree", description = "Ask once: which question for help is resolved by which help categories and "
        + "kinds of actors. Read by signed-in users, changed by coordinators, every change versioned.")
class DecisionTreeController {

    private static final String ID = "[a-z0-9][a-z0-9-]{1,60}";
    private static final String ID_MESSAGE = "must be lower case letters, digits and hyphens, 2 to 61 characters";

    private final DecisionTree tree;
    private final Triage triage;

    DecisionTreeController(DecisionTree tree, Triage triage) {
        this.tree = tree;
        this.triage = triage;
    }

    record AnswerInput(@Nullable @Pattern(regexp = ID, message = ID_MESSAGE) String id,
                       @NotBlank @Size(max = 300) String textFr, @NotBlank @Size(max = 300) String textNl,
                       @NotBlank @Size(max = 300) String textEn, @Nullable String next,
                       @Nullable @Size(max = 10) List<String> categories,
                       @Nullable @Size(max = 9) List<String> actorKinds) {
    }

    /**
     * @param baseVersion the version the change was made on; when given and the tree has moved on, a 409
     */
    record QuestionInput(@NotBlank @Size(max = 300) String textFr, @NotBlank @Size(max = 300) String textNl,
                         @NotBlank @Size(max = 300) String textEn, @Nullable Boolean start,
                         @NotNull @Size(min = 1, max = 20, message = "a question needs 1 to 20 answers") List<@Valid @NotNull AnswerInput> answers,
                         @Nullable Integer baseVersion) {

        DecisionQuestion toQuestion(String id) {
            List<DecisionAnswer> list = new ArrayList<>();
            for (AnswerInput a : answers) {
                list.add(new DecisionAnswer(a.id() == null ? "a-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()) : a.id(),
                        a.textFr().strip(), a.textNl().strip(), a.textEn().strip(),
                        a.next() == null || a.next().isBlank() ? null : a.next(),
                        a.categories() == null ? List.of() : a.categories(),
                        a.actorKinds() == null ? List.of() : a.actorKinds()));
            }
            return new DecisionQuestion(id, Boolean.TRUE.equals(start), textFr.strip(), textNl.strip(), textEn.strip(), list);
        }
    }

    @GetMapping
    @Operation(summary = "The whole tree and its version: starting questions first")
    DecisionTree.Tree tree() {
        return tree.tree();
    }

    @GetMapping("/questions/{id}")
    DecisionQuestion question(@PathVariable String id) {
        return tree.question(id);
    }

    @PutMapping("/questions/{id}")
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Creates or replaces a question with its answers; a cycle is refused with a 400 naming the answer")
    DecisionTree.Change save(@PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String id,
                             @Valid @RequestBody QuestionInput input) {
        return tree.save(input.toQuestion(id), input.baseVersion());
    }

    @PostMapping("/questions")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Adds a question with a new id")
    DecisionTree.Change create(@Valid @RequestBody QuestionInput input) {
        return tree.save(input.toQuestion("q-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt())),
                input.baseVersion());
    }

    @DeleteMapping("/questions/{id}")
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Removes a question; a 409 while an answer still leads to it")
    DecisionTree.Change delete(@PathVariable String id, @RequestParam(required = false) @Nullable Integer baseVersion) {
        return tree.delete(id, baseVersion);
    }

    @GetMapping("/versions")
    @Operation(summary = "Who changed what and when, newest first")
    List<DecisionTreeVersion> versions() {
        return tree.versions();
    }

    @GetMapping("/versions/{number}")
    @Operation(summary = "One version, with the whole tree as it was after it")
    DecisionTreeVersion version(@PathVariable int number) {
        return tree.version(number);
    }

    @PostMapping("/versions/{number}/restore")
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Makes the tree what it was after that version, as a new version")
    DecisionTree.Change restore(@PathVariable int number, @RequestParam(required = false) @Nullable Integer baseVersion) {
        return tree.restore(number, baseVersion);
    }

    @GetMapping("/answers/{id}/actors")
    @Operation(summary = "The end of the triage: for each help category of the answer, actors near the person, "
            + "those of the kinds the answer names first")
    Triage.Outcome actors(@PathVariable String id, @RequestParam double lat, @RequestParam double lon,
                          @RequestParam(defaultValue = "2000") double distance,
                          @RequestParam(required = false) @Nullable @Pattern(regexp = "[a-z]{2,3}", message = "must be an ISO 639 language code such as fr, nl or ar") String language,
                          @RequestParam(defaultValue = "5") int limit) {
        return triage.outcome(id, new GeoPoint(lat, lon), distance, language, limit);
    }
}
