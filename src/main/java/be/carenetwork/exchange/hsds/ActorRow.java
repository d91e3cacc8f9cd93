package be.carenetwork.exchange.hsds;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A public actor as HSDS needs it: contact details only where the actor made them public.
 *
 * @param key the HSDS key: the service id, from which the other ids derive ({@link HsdsIds})
 * @param modifiedAt ISO 8601, when the actor was last written, if known
 * @param municipality the municipality holding most of the actor's neighbourhood, if any
 */
record ActorRow(String id, String key, String name, @Nullable String description, String kind, double lon, double lat,
                @Nullable String address, List<String> languages, @Nullable String openingHours,
                @Nullable List<Integer> openSlots, String wheelchair, @Nullable String phone, @Nullable String email,
                @Nullable String website, @Nullable String modifiedAt, List<String> categories,
                @Nullable Municipality municipality, @Nullable Double distanceMetres) {

    record Municipality(String code, String nameFr, String nameNl) {
    }
}
