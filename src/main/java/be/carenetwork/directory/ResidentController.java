package be.carenetwork.directory;

import be.carenetwork.system.Page;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
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
@RequestMapping("/api/residents")
@PreAuthorize("hasRole('COORDINATOR')")
@Tag(name = "Residents", description = "Personal data: coordinators of the resident's neighbourhood only")
class ResidentController {

    private final Residents residents;

    ResidentController(Residents residents) {
        this.residents = residents;
    }

    @GetMapping
    Page<Resident> list(@RequestParam(required = false) @Nullable String neighbourhood,
                        @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return residents.list(neighbourhood, page, size);
    }

    @GetMapping("/{id}")
    Resident one(@PathVariable String id) {
        return residents.get(id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Resident create(@Valid @RequestBody ResidentInput input) {
        return residents.create(input);
    }

    @PutMapping("/{id}")
    Resident update(@PathVariable String id, @Valid @RequestBody ResidentInput input) {
        return residents.update(id, input);
    }

    /** Erases the resident and their needs (GDPR right to erasure). */
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void erase(@PathVariable String id) {
        residents.erase(id);
    }
}
