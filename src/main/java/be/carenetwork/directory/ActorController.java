package be.carenetwork.directory;

import java.util.List;

import be.carenetwork.security.CurrentUser;
import be.carenetwork.security.PublicPaths;
import be.carenetwork.system.GeoPoint;
import be.carenetwork.system.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
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

@RestController
@RequestMapping("/api/actors")
@Tag(name = "Actors", description = "Who can help: formal and informal actors. Anonymous users see public actors only.")
class ActorController {

    private final Actors actors;

    ActorController(Actors actors) {
        this.actors = actors;
    }

    @Bean
    static PublicPaths actorPublicPaths() {
        return PublicPaths.of("/api/actors", "/api/actors/**");
    }

    @GetMapping
    Page<Actor> list(@RequestParam(required = false) @Nullable String neighbourhood,
                     @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        Page<Actor> result = actors.list(neighbourhood, page, size, CurrentUser.signedIn());
        return new Page<>(forViewer(result.items()), result.page(), result.size(), result.total());
    }

    @GetMapping("/nearby")
    @Operation(summary = "Actors near a point, nearest first, each with its distance in metres")
    List<NearbyActor> nearby(@RequestParam double lat, @RequestParam double lon,
                             @RequestParam(defaultValue = "1000") double distance,
                             @RequestParam(required = false) @Nullable String category,
                             @RequestParam(required = false) @Nullable String language,
                             @RequestParam(defaultValue = "20") int limit) {
        boolean signedIn = CurrentUser.signedIn();
        return actors.nearby(new GeoPoint(lat, lon), distance, category, language, limit, signedIn).stream()
                .map(n -> signedIn ? n : new NearbyActor(n.actor().forPublic(), n.distanceMetres()))
                .toList();
    }

    @GetMapping("/search")
    @Operation(summary = "Full-text search on names and descriptions, in French, Dutch or English")
    List<Actor> search(@RequestParam String q, @RequestParam(defaultValue = "fr") String lang,
                       @RequestParam(defaultValue = "20") int limit) {
        return forViewer(actors.search(q, lang, limit, CurrentUser.signedIn()));
    }

    @GetMapping("/{id}")
    Actor one(@PathVariable String id) {
        boolean signedIn = CurrentUser.signedIn();
        Actor actor = actors.get(id, signedIn);
        return signedIn ? actor : actor.forPublic();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('COORDINATOR', 'PROFESSIONAL')")
    Actor create(@Valid @RequestBody ActorInput input) {
        return actors.create(input);
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasAnyRole('COORDINATOR', 'PROFESSIONAL')")
    Actor update(@PathVariable String id, @Valid @RequestBody ActorInput input) {
        return actors.update(id, input);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasRole('COORDINATOR')")
    void delete(@PathVariable String id) {
        actors.delete(id);
    }

    private static List<Actor> forViewer(List<Actor> actors) {
        return CurrentUser.signedIn() ? actors : actors.stream().map(Actor::forPublic).toList();
    }
}
