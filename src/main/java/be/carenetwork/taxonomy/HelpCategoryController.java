package be.carenetwork.taxonomy;

import java.util.List;

import be.carenetwork.security.PublicPaths;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/categories")
@Tag(name = "Help categories", description = "The shared taxonomy of help, in French, Dutch and English")
class HelpCategoryController {

    private final HelpCategories categories;

    HelpCategoryController(HelpCategories categories) {
        this.categories = categories;
    }

    @Bean
    static PublicPaths helpCategoryPublicPaths() {
        return PublicPaths.of("/api/categories", "/api/categories/**");
    }

    @GetMapping
    List<HelpCategory> all() {
        return categories.all();
    }

    @GetMapping("/{code}")
    HelpCategory one(@PathVariable String code) {
        return categories.get(code);
    }

    record NewCategory(@NotBlank @Pattern(regexp = "[a-z][a-z0-9_]{1,48}", message = "must be lower case letters, digits and underscores, starting with a letter") String code,
                       @NotBlank @Pattern(regexp = "HEALTH|SOCIAL|INFORMAL", message = "must be HEALTH, SOCIAL or INFORMAL") String sector,
                       @NotBlank String labelFr, @NotBlank String labelNl, @NotBlank String labelEn,
                       @Nullable String broader) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('COORDINATOR')")
    HelpCategory create(@Valid @RequestBody NewCategory category) {
        return categories.create(new HelpCategory(category.code(), category.sector(), category.labelFr(),
                category.labelNl(), category.labelEn(), category.broader()));
    }
}
