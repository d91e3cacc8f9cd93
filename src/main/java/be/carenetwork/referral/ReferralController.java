package be.carenetwork.referral;

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
@Tag(name = "Referrals", description = "Referrals of requests tracked by status; who refers to whom; loops and dead ends")
class ReferralController {

    private final Referrals referrals;
    private final ReferralNetwork network;

    ReferralController(Referrals referrals, ReferralNetwork network) {
        this.referrals = referrals;
        this.network = network;
    }

    record ReferralInput(@NotBlank String from, @NotBlank String to, @NotBlank String category,
                         @Nullable String needId, @Nullable String previousId, @Nullable @Size(max = 1000) String note) {
    }

    record StatusInput(@NotNull ReferralStatus status, @Nullable @Size(max = 1000) String note) {
    }

    record LinkInput(@NotNull @Size(min = 1, max = 40, message = "must name 1 to 40 help categories") List<String> categories) {
    }

    @PostMapping("/referrals")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('COORDINATOR', 'PROFESSIONAL')")
    @Operation(summary = "Refers a request to another actor (status SENT); previousId passes on a referral received")
    Referral send(@Valid @RequestBody ReferralInput input) {
        return referrals.send(new Referrals.NewReferral(input.from(), input.to(), input.category(), input.needId(),
                input.previousId(), input.note()));
    }

    @GetMapping("/referrals")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'PROFESSIONAL')")
    Page<Referral> list(@RequestParam(required = false) @Nullable String request,
                        @RequestParam(required = false) @Nullable String actor,
                        @RequestParam(required = false) @Nullable ReferralStatus status,
                        @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return referrals.list(request, actor, status, page, size);
    }

    @GetMapping("/referrals/problems")
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Requests going round in circles (A to B to C to A, nobody helped) and requests that stopped")
    Referrals.Problems problems(@RequestParam(required = false) @Nullable String neighbourhood) {
        return referrals.problems(neighbourhood);
    }

    @GetMapping("/referrals/{id}")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'PROFESSIONAL')")
    Referral one(@PathVariable String id) {
        return referrals.get(id);
    }

    @PostMapping("/referrals/{id}/status")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'PROFESSIONAL')")
    @Operation(summary = "Records what became of a referral: ACCEPTED, NO_CAPACITY, NOT_ELIGIBLE, GOT_HELP, "
            + "COULD_NOT_CONTACT or NO_LONGER_NEEDED")
    Referral changeStatus(@PathVariable String id, @Valid @RequestBody StatusInput input) {
        return referrals.changeStatus(id, input.status(), input.note());
    }

    @GetMapping("/network/actors/{id}/referrals")
    @Operation(summary = "Whom the actor refers to and who refers to it, for which categories")
    ReferralNetwork.Links links(@PathVariable String id) {
        return network.links(id);
    }

    @PutMapping("/network/refers-to/{from}/{to}")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'PROFESSIONAL')")
    @Operation(summary = "Declares that one actor refers to another for these categories (replacing earlier ones)")
    ReferralNetwork.ReferralLink declare(@PathVariable String from, @PathVariable String to,
                                         @Valid @RequestBody LinkInput input) {
        return network.declare(from, to, input.categories());
    }

    @DeleteMapping("/network/refers-to/{from}/{to}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAnyRole('COORDINATOR', 'PROFESSIONAL')")
    void withdraw(@PathVariable String from, @PathVariable String to) {
        network.withdraw(from, to);
    }
}
