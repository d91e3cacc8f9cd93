package be.carenetwork.directory;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A need as a coordinator registers it: for a resident (whose home is then the location), or on behalf of
 * someone (then lat and lon are required).
 */
public record NeedInput(
        @Nullable String residentId,
        @Nullable String registeredBy,
        @NotBlank String category,
        @Nullable @Size(max = 2000) String description,
        @Nullable @DecimalMin(value = "-90", message = "must be a latitude between -90 and 90")
        @DecimalMax(value = "90", message = "must be a latitude between -90 and 90") Double lat,
        @Nullable @DecimalMin(value = "-180", message = "must be a longitude between -180 and 180")
        @DecimalMax(value = "180", message = "must be a longitude between -180 and 180") Double lon,
        @Nullable @Min(value = 100, message = "must be at least 100 metres") @Max(value = 50000, message = "must be at most 50000 metres") Integer maxDistanceMetres,
        @Nullable @Pattern(regexp = "[a-z]{2,3}", message = "must be an ISO 639 language code such as fr, nl or en") String language,
        @Nullable @Size(max = 255) String neededAt) {
}
