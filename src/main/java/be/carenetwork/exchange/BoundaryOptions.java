package be.carenetwork.exchange;

import org.jspecify.annotations.Nullable;

/**
 * How to read a boundary file.
 *
 * @param codeProperty the feature property holding the code (Brussels quarters: {@code mdrc}; municipalities: the NIS
 *                     code, {@code NAT_CODE} in UrbIS, {@code nis} in Statbel files)
 * @param nameFrProperty the property holding the French name
 * @param nameNlProperty the property holding the Dutch name; when one of the two names is missing, the other is used
 * @param primaryCareZoneProperty neighbourhoods only: the property holding the primary care zone, if any
 * @param crs the file's CRS; null: what the file declares, else WGS84
 * @param attribution the credit the data's licence requires, kept on each node and shown in exports
 */
public record BoundaryOptions(String codeProperty, String nameFrProperty, String nameNlProperty,
                              @Nullable String primaryCareZoneProperty, @Nullable Crs crs, @Nullable String attribution) {

    public static final String DEFAULT_NAME_FR = "name_fr";
    public static final String DEFAULT_NAME_NL = "name_nl";

    public static BoundaryOptions of(String codeProperty) {
        return new BoundaryOptions(codeProperty, DEFAULT_NAME_FR, DEFAULT_NAME_NL, null, null, null);
    }
}
