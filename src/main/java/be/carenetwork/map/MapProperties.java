package be.carenetwork.map;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the map, the meeting mode and the widget ({@code care.map.*}).
 *
 * @param tileUrl a Leaflet tile URL template ({@code https://tile.example.org/{z}/{x}/{y}.png}); empty: no
 *                background tiles, the map draws boundaries on a light background
 * @param tileAttribution the attribution the tile provider requires, shown on the map
 * @param dataAttribution credits for data loaded without a {@code source} mark, shown on the map
 * @param maxZoom the deepest zoom the maps allow
 * @param cacheMaxAge how long browsers and CDNs may reuse public GeoJSON before revalidating with its ETag
 * @param coverageRadiusMetres walking distance for the coverage layer
 * @param rateLimit per client address, on the public geo and widget endpoints
 */
@ConfigurationProperties("care.map")
record MapProperties(@DefaultValue("") String tileUrl, @DefaultValue("") String tileAttribution,
                     @DefaultValue("") String dataAttribution,
                     @DefaultValue("19") int maxZoom, @DefaultValue("0s") Duration cacheMaxAge,
                     @DefaultValue("800") int coverageRadiusMetres, @DefaultValue RateLimit rateLimit) {

    /**
     * A token bucket per client address.
     *
     * @param enabled whether requests over the limit get 429
     * @param burst how many requests a client may make at once
     * @param perSecond how many requests a second a client may go on making
     */
    record RateLimit(@DefaultValue("true") boolean enabled, @DefaultValue("300") int burst,
                     @DefaultValue("30") double perSecond) {
    }
}
