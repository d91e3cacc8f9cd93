package be.carenetwork.exchange.hsds;

import java.time.OffsetDateTime;

import be.carenetwork.system.GeoPoint;
import org.jspecify.annotations.Nullable;

/**
 * The filters of the HSDS list endpoints, already checked.
 *
 * @param search full-text words, searched with the stemming of {@code language}
 * @param category the help category a {@code taxonomy_term_id} stands for
 * @param anyCategory {@code taxonomy_id} of our taxonomy: services with any term of it
 * @param nothing a filter that matches nothing (an id of another taxonomy, an unknown term)
 * @param actorKey one actor's HSDS key ({@code organization_id})
 * @param near with {@code distanceMetres}: the proximity filter
 * @param postcodePattern a regular expression finding the postcode in the address
 */
record HsdsQuery(@Nullable String search, String language, @Nullable String category, boolean anyCategory, boolean nothing,
                 @Nullable String actorKey, @Nullable OffsetDateTime modifiedAfter, @Nullable GeoPoint near,
                 double distanceMetres, @Nullable String postcodePattern) {

    static HsdsQuery all(String language) {
        return new HsdsQuery(null, language, null, false, false, null, null, null, 0, null);
    }
}
