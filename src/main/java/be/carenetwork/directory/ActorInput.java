package be.carenetwork.directory;

import java.util.List;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** An actor as a client writes it. Omitted lists are empty; visibility defaults to PUBLIC. */
public record ActorInput(
        @NotBlank @Size(max = 200) String name,
        @Nullable @Size(max = 4000) String description,
        @NotNull ActorKind kind,
        @NotNull @DecimalMin(value = "-90", message = "must be a latitude between -90 and 90")
        @DecimalMax(value = "90", message = "must be a latitude between -90 and 90") Double lat,
        @NotNull @DecimalMin(value = "-180", message = "must be a longitude between -180 and 180")
        @DecimalMax(value = "180", message = "must be a longitude between -180 and 180") Double lon,
        @Nullable @Size(max = 300) String address,
        @Nullable @Size(max = 20) List<@Pattern(regexp = "[a-z]{2,3}", message = "must be an ISO 639 language code such as fr, nl or en") String> languages,
        @Nullable @Size(max = 255) String openingHours,
        @Nullable @Size(max = 20) List<@Size(max = 60) String> targetGroups,
        @Nullable @Pattern(regexp = "YES|LIMITED|NO|UNKNOWN", message = "must be YES, LIMITED, NO or UNKNOWN") String wheelchair,
        @Nullable Visibility visibility,
        @Nullable @Size(max = 40) String phone,
        @Nullable @Email @Size(max = 200) String email,
        @Nullable @Pattern(regexp = "https?://\\S{1,300}", message = "must be an http or https address") String website,
        @Nullable Boolean contactPublic) {
}
