package be.carenetwork.map;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * CORS and the rate limit of what partner sites call: any origin may GET the public GeoJSON, the category labels
 * and the widget's files, without credentials (so a partner page never acts with a user's session here).
 */
@Configuration(proxyBeanMethods = false)
class MapWebConfiguration implements WebMvcConfigurer {

    static final String[] RATE_LIMITED = {"/api/geo/*", "/widget/*"};

    @Override
    public void addCorsMappings(CorsRegistry registry) {
        for (String path : new String[] {"/api/geo/neighbourhoods", "/api/geo/actors", "/api/geo/actors/*",
                "/api/geo/meetings/*", "/api/categories", "/api/map/config", "/widget/**"}) {
            registry.addMapping(path)
                    .allowedOrigins("*")
                    .allowedMethods("GET", "HEAD")
                    .allowCredentials(false)
                    .exposedHeaders("ETag", "Retry-After")
                    .maxAge(3600);
        }
    }

    @Bean
    FilterRegistrationBean<PublicRateLimit> publicRateLimit(MapProperties properties) {
        MapProperties.RateLimit limit = properties.rateLimit();
        var registration = new FilterRegistrationBean<>(
                new PublicRateLimit(new TokenBuckets(limit.burst(), limit.perSecond(), System::nanoTime)));
        registration.addUrlPatterns(RATE_LIMITED);
        registration.setEnabled(limit.enabled());
        // Before Spring Security: a refused request costs nothing more.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
