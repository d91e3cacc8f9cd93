package be.carenetwork.directory;

import java.util.List;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
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
@RequestMapping("/api/capacities")
@PreAuthorize("hasAnyRole('COORDINATOR', 'PROFESSIONAL')")
@Tag(name = "Capacities", description = "What actors and residents offer: a help category, within a radius, at some times")
class CapacityController {

    private final Capacities capacities;
    private final Residents residents;

    CapacityController(Capacities capacities, Residents residents) {
        this.capacities = capacities;
        this.residents = residents;
    }

    record CapacityInput(@NotBlank String ownerId, @NotBlank String category,
                         @Min(value = 50, message = "must be at least 50 metres") @Max(value = 50000, message = "must be at most 50000 metres") int radiusMetres,
                         @Nullable @Size(max = 255) String availability,
                         @Min(value = 1, message = "must be at least 1") @Max(value = 100, message = "must be at most 100") int maxActive,
                         @Nullable @Size(max = 500) String note) {

        Capacities.CapacityData data() {
            return new Capacities.CapacityData(category, radiusMetres, availability, maxActive, note);
        }
    }

    @GetMapping
    List<Capacity> ofOwner(@RequestParam String ownerId) {
        requireOwnerAllowed(ownerId);
        return capacities.ofOwner(ownerId);
    }

    @GetMapping("/{id}")
    Capacity one(@PathVariable String id) {
        return requireAllowed(capacities.get(id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Capacity offer(@Valid @RequestBody CapacityInput input) {
        requireOwnerAllowed(input.ownerId());
        return capacities.offer(input.ownerId(), input.data());
    }

    @PutMapping("/{id}")
    Capacity update(@PathVariable String id, @Valid @RequestBody CapacityInput input) {
        requireAllowed(capacities.get(id));
        return capacities.update(id, input.data());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void withdraw(@PathVariable String id) {
        requireAllowed(capacities.get(id));
        capacities.withdraw(id);
    }

    /** A resident's capacities are personal data: their coordinators only. */
    private Capacity requireAllowed(Capacity capacity) {
        requireOwnerAllowed(capacity.ownerId());
        return capacity;
    }

    private void requireOwnerAllowed(String ownerId) {
        if (capacities.ownerKind(ownerId).filter("Resident"::equals).isPresent()) {
            residents.get(ownerId);
        }
    }
}
