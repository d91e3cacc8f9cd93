package be.carenetwork.exchange;

import org.jspecify.annotations.Nullable;

/**
 * How to read an actor file.
 *
 * @param mapping the user's mapping file (YAML or JSON); null for the built-in OpenStreetMap mapping
 * @param source with the OpenStreetMap mapping: the id prefix, {@code osm} by default
 * @param crs the file's CRS when neither the mapping nor the file says; null: WGS84
 * @param attribution the credit the source's licence requires, when the mapping does not give it
 * @param skipInvalid write the valid records and report the others as rejected, instead of refusing the file
 */
public record ActorOptions(@Nullable SourceFile mapping, @Nullable String source, @Nullable Crs crs,
                           @Nullable String attribution, boolean skipInvalid) {

    public static ActorOptions openStreetMap() {
        return new ActorOptions(null, null, null, null, false);
    }
}
