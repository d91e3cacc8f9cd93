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
@RequestMapping("/api/needs")
@PreAuthorize("hasRole('COORDINATOR')")
@Tag(name = "Needs", description = "Help requests: coordinators of the need's neighbourhood only")
class NeedController {

    private final Needs needs;

    NeedController(Needs needs) {
        this.needs = needs;
    }

    @GetMapping
    Page<Need> list(@RequestParam(required = false) @Nullable String neighbourhood,
                    @RequestParam(required = false) @Nullable NeedStatus status,
                    @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return needs.list(neighbourhood, status, page, size);
    }

    @GetMapping("/{id}")
    Need one(@PathVariable String id) {
        return needs.get(id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Need create(@Valid @RequestBody NeedInput input) {
        return needs.create(input);
    }

    @PutMapping("/{id}")
    Need update(@PathVariable String id, @Valid @RequestBody NeedInput input,
                @RequestParam(defaultValue = "OPEN") NeedStatus status) {
        return needs.update(id, input, status);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String id) {
        needs.delete(id);
    }
}
