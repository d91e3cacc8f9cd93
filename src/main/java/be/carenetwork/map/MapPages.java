package be.carenetwork.map;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import be.carenetwork.security.CurrentUser;
import be.carenetwork.security.PublicPaths;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The pages: the map at {@code /} and {@code /map}, the meeting mode at {@code /meeting/{neighbourhood}}, the widget's
 * iframe at {@code /widget/frame}; and the settings the pages read at start.
 */
@Controller
class MapPages {

    private final MapProperties properties;
    private final Neo4jClient neo4j;

    MapPages(MapProperties properties, Neo4jClient neo4j) {
        this.properties = properties;
        this.neo4j = neo4j;
    }

    @Bean
    static PublicPaths mapPublicPaths() {
        return PublicPaths.of("/map", "/map/**", "/meeting", "/meeting/**", "/widget/**", "/i18n/**", "/api/map/config");
    }

    @GetMapping({"/", "/map"})
    String map() {
        return "forward:/map/index.html";
    }

    @GetMapping({"/meeting", "/meeting/{neighbourhood}"})
    String meeting(@PathVariable(required = false) @Nullable String neighbourhood) {
        return "forward:/map/meeting.html";
    }

    /** The iframe variant of the widget. Any site may frame it: frame-ancestors overrides the default X-Frame-Options. */
    @GetMapping("/widget/frame")
    String widgetFrame(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", "frame-ancestors *");
        return "forward:/widget/frame.html";
    }

    /**
     * Not public: an anonymous visitor is sent through the login form and comes back here, then to the page they
     * were on. Only paths of this site are followed.
     */
    @GetMapping("/map-sign-in")
    String signIn(@RequestParam(defaultValue = "/map") String next) {
        boolean local = next.startsWith("/") && !next.startsWith("//") && !next.contains("\\") && !next.contains("\n");
        return "redirect:" + (local ? next : "/map");
    }

    /** What the pages need to start: tiles, zoom, who is signed in, the data's attribution. Touching the CSRF token sets its cookie. */
    @GetMapping("/api/map/config")
    @ResponseBody
    Map<String, Object> config(@Nullable CsrfToken csrf) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("tileUrl", properties.tileUrl());
        config.put("tileAttribution", properties.tileAttribution());
        config.put("maxZoom", properties.maxZoom());
        config.put("coverageRadiusMetres", properties.coverageRadiusMetres());
        config.put("attribution", attribution());
        CurrentUser.get().ifPresent(user -> {
            Map<String, Object> me = new LinkedHashMap<>();
            me.put("name", user.getUsername());
            me.put("roles", user.getAuthorities().stream().map(a -> a.getAuthority().replace("ROLE_", "")).sorted().toList());
            me.put("neighbourhoods", user.neighbourhoods().stream().sorted().toList());
            config.put("user", me);
        });
        if (csrf != null) {
            config.put("csrfHeader", csrf.getHeaderName());
            csrf.getToken();
        }
        return config;
    }

    /** The sources to credit, from the data loaded: importers mark nodes with {@code source} (osm, urbis, statbel, ...). */
    private List<String> attribution() {
        var found = neo4j.query("""
                        RETURN EXISTS { MATCH (n:Neighbourhood) WHERE n.demo } AS demo,
                               COLLECT { MATCH (n:Neighbourhood) WHERE n.source IS NOT NULL RETURN DISTINCT toLower(n.source) }
                               + COLLECT { MATCH (a:Actor) WHERE a.source IS NOT NULL RETURN DISTINCT toLower(a.source) } AS sources""")
                .fetch().one().orElseThrow();
        List<String> credits = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<String> sources = (List<String>) found.get("sources");
        if (sources.stream().anyMatch(s -> s.contains("osm") || s.contains("openstreetmap"))) {
            credits.add("© OpenStreetMap contributors (ODbL)");
        }
        if (sources.stream().anyMatch(s -> s.contains("urbis"))) {
            credits.add("Brussels UrbIS - Distribution & Copyright Paradigm");
        }
        if (sources.stream().anyMatch(s -> s.contains("statbel"))) {
            credits.add("Statbel (Directorate-general Statistics - Statistics Belgium)");
        }
        if (sources.stream().anyMatch(s -> s.contains("vlaanderen"))) {
            credits.add("Informatie Vlaanderen");
        }
        if (Boolean.TRUE.equals(found.get("demo"))) {
            credits.add("DEMO");
        }
        if (!properties.dataAttribution().isBlank()) {
            credits.add(properties.dataAttribution());
        }
        return credits;
    }
}
