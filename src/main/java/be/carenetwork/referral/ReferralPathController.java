package be.carenetwork.referral;

import java.time.LocalDateTime;

import be.carenetwork.system.BadInputException;
import be.carenetwork.system.GeoPoint;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/referral-paths")
@Tag(name = "Referral paths", description = "From the actor first asked to an actor able to help, through who refers to "
        + "and who knows whom")
class ReferralPathController {

    private final ReferralPaths paths;

    ReferralPathController(ReferralPaths paths) {
        this.paths = paths;
    }

    @GetMapping
    @Operation(summary = "The best warm path, alternatives, and the direct option; 404 for an unknown actor or category")
    ReferralPaths.Result find(@RequestParam String from, @RequestParam String category,
                              @RequestParam(required = false) @Nullable Double lat,
                              @RequestParam(required = false) @Nullable Double lon,
                              @RequestParam(required = false) @Nullable @Pattern(regexp = "[a-z]{2,3}", message = "must be an ISO 639 language code such as fr, nl or ar") String language,
                              @RequestParam(required = false) @Nullable Integer radius,
                              @RequestParam(required = false) @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime at) {
        if ((lat == null) != (lon == null)) {
            throw new BadInputException(lat == null ? "lat" : "lon", "give both lat and lon for where the person is, or neither");
        }
        GeoPoint person = lat == null ? null : new GeoPoint(lat, lon);
        return paths.find(from, category, person, language, radius, at);
    }
}
