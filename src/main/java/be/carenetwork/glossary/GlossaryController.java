package be.carenetwork.glossary;

import java.util.List;

import be.carenetwork.security.PublicPaths;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/glossary")
@Tag(name = "Glossary", description = "Shared definitions in French, Dutch and English, linked to help categories. Public.")
class GlossaryController {

    private final Glossary glossary;

    GlossaryController(Glossary glossary) {
        this.glossary = glossary;
    }

    /** Public: the map's widget and every page may mark glossary terms; the glossary page too. */
    @Bean
    static PublicPaths glossaryPublicPaths() {
        return PublicPaths.of("/api/glossary", "/api/glossary/**", "/glossary/**", "/referral/care.js", "/referral/care.css");
    }

    record TermInput(@NotBlank @Size(max = 120) String termFr, @NotBlank @Size(max = 120) String termNl,
                     @NotBlank @Size(max = 120) String termEn, @NotBlank @Size(max = 2000) String definitionFr,
                     @NotBlank @Size(max = 2000) String definitionNl, @NotBlank @Size(max = 2000) String definitionEn,
                     @Nullable @Size(max = 20) List<String> categories) {
    }

    @GetMapping
    @Operation(summary = "All terms (by English term), or those about one category, or those containing some words")
    List<GlossaryTerm> all(@RequestParam(required = false) @Nullable String category,
                           @RequestParam(required = false) @Nullable @Size(max = 100) String q) {
        return glossary.all(category, q);
    }

    @GetMapping("/{id}")
    GlossaryTerm one(@PathVariable String id) {
        return glossary.get(id);
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasRole('COORDINATOR')")
    @Operation(summary = "Creates or replaces a term; the id is a slug such as inclusive-practices")
    GlossaryTerm save(@PathVariable @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,60}",
            message = "must be a slug of lower case letters, digits and hyphens, 2 to 61 characters") String id,
                      @Valid @RequestBody TermInput input) {
        return glossary.save(new GlossaryTerm(id, input.termFr().strip(), input.termNl().strip(), input.termEn().strip(),
                input.definitionFr().strip(), input.definitionNl().strip(), input.definitionEn().strip(),
                input.categories() == null ? List.of() : input.categories()));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasRole('COORDINATOR')")
    void delete(@PathVariable String id) {
        glossary.delete(id);
    }
}
