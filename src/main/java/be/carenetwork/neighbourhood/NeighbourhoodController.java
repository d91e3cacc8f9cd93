package be.carenetwork.neighbourhood;

import be.carenetwork.security.PublicPaths;
import be.carenetwork.system.Page;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
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
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/neighbourhoods")
@Tag(name = "Neighbourhoods", description = "Neighbourhood polygons, their centroids and the municipalities they overlap")
class NeighbourhoodController {

    private final Neighbourhoods neighbourhoods;

    NeighbourhoodController(Neighbourhoods neighbourhoods) {
        this.neighbourhoods = neighbourhoods;
    }

    @Bean
    static PublicPaths neighbourhoodPublicPaths() {
        return PublicPaths.of("/api/neighbourhoods", "/api/neighbourhoods/**");
    }

    /** A neighbourhood as written by a client; {@code geometry} is a GeoJSON Polygon or MultiPolygon in WGS84. */
    record NeighbourhoodInput(@NotBlank @Size(max = 40) String code, @NotBlank @Size(max = 200) String nameFr,
                              @NotBlank @Size(max = 200) String nameNl, @Nullable @Size(max = 200) String primaryCareZone,
                              @NotNull JsonNode geometry) {

        Neighbourhoods.NeighbourhoodData toData() {
            return new Neighbourhoods.NeighbourhoodData(code, nameFr, nameNl, primaryCareZone,
                    Boundary.fromGeoJson("geometry", geometry.toString()), false);
        }
    }

    @GetMapping
    Page<Neighbourhood> list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return neighbourhoods.list(page, size);
    }

    /** By id or by code. */
    @GetMapping("/{id}")
    Neighbourhood one(@PathVariable String id) {
        return neighbourhoods.get(id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('COORDINATOR')")
    Neighbourhood create(@Valid @RequestBody NeighbourhoodInput input) {
        return neighbourhoods.save(input.toData());
    }

    @PutMapping("/{code}")
    @PreAuthorize("hasRole('COORDINATOR')")
    Neighbourhood update(@PathVariable String code, @Valid @RequestBody NeighbourhoodInput input) {
        neighbourhoods.get(code);
        return neighbourhoods.save(input.toData());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasRole('COORDINATOR')")
    void delete(@PathVariable String id) {
        neighbourhoods.delete(id);
    }
}
