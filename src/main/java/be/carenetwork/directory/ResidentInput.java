package be.carenetwork.directory;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** A resident as a coordinator registers them: as little personal data as the help needs. */
public record ResidentInput(
        @NotBlank @Size(max = 100) String displayName,
        @Nullable @Size(max = 40) String phone,
        @Nullable @Email @Size(max = 200) String email,
        @Nullable @Min(1900) @Max(2100) Integer birthYear,
        @Nullable @Size(max = 10) List<@Pattern(regexp = "[a-z]{2,3}", message = "must be an ISO 639 language code such as fr, nl or en") String> languages,
        @NotNull @DecimalMin(value = "-90", message = "must be a latitude between -90 and 90")
        @DecimalMax(value = "90", message = "must be a latitude between -90 and 90") Double lat,
        @NotNull @DecimalMin(value = "-180", message = "must be a longitude between -180 and 180")
        @DecimalMax(value = "180", message = "must be a longitude between -180 and 180") Double lon,
        @Nullable @PastOrPresent LocalDate consentDate) {
}
