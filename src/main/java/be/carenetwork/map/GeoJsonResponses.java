package be.carenetwork.map;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Sends GeoJSON with a strong ETag (a hash of the body), revalidation (304 on a matching If-None-Match) and gzip.
 * <p>
 * We gzip here rather than leaving it to the server's compression: Tomcat never compresses a response that has
 * a strong ETag (its representation would change under the same tag). Each encoding gets its own strong tag
 * ({@code "h"} and {@code "h-gzip"}), and the gzipped bytes of recent bodies are kept so that a busy collection is
 * compressed once.
 */
@Component
class GeoJsonResponses {

    private static final MediaType GEO_JSON = MediaType.parseMediaType(GeoJson.MEDIA_TYPE);
    private static final int GZIP_CACHE_ENTRIES = 16;
    private static final int MIN_GZIP_BYTES = 256;

    private final MapProperties properties;
    private final Map<String, byte[]> gzipped = new LinkedHashMap<>(32, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
            return size() > GZIP_CACHE_ENTRIES;
        }
    };

    GeoJsonResponses(MapProperties properties) {
        this.properties = properties;
    }

    /**
     * @param shared whether shared caches (CDNs) may keep it: true for what anonymous users see; what a signed-in
     *               user sees is private to that browser
     */
    ResponseEntity<byte[]> send(byte[] body, HttpServletRequest request, boolean shared) {
        String hash = hash(body);
        boolean gzip = body.length >= MIN_GZIP_BYTES && acceptsGzip(request.getHeader(HttpHeaders.ACCEPT_ENCODING));
        String etag = "\"" + hash + (gzip ? "-gzip" : "") + "\"";
        CacheControl cache = shared
                ? CacheControl.maxAge(properties.cacheMaxAge().toSeconds(), TimeUnit.SECONDS).cachePublic().mustRevalidate()
                : CacheControl.noCache().cachePrivate();
        ResponseEntity.BodyBuilder response = ResponseEntity.ok();
        if (matches(request.getHeader(HttpHeaders.IF_NONE_MATCH), hash)) {
            response = ResponseEntity.status(HttpStatus.NOT_MODIFIED);
            return response.eTag(etag).cacheControl(cache).varyBy(HttpHeaders.ACCEPT_ENCODING).build();
        }
        response.eTag(etag).cacheControl(cache).varyBy(HttpHeaders.ACCEPT_ENCODING).contentType(GEO_JSON);
        if (!gzip) {
            return response.body(body);
        }
        return response.header(HttpHeaders.CONTENT_ENCODING, "gzip").body(gzip(hash, body));
    }

    /** Weak comparison (RFC 9110 for If-None-Match): either encoding's tag, weak or strong, or {@code *}. */
    static boolean matches(@org.jspecify.annotations.Nullable String ifNoneMatch, String hash) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.trim();
            if (t.equals("*")) {
                return true;
            }
            if (t.startsWith("W/")) {
                t = t.substring(2);
            }
            if (t.equals("\"" + hash + "\"") || t.equals("\"" + hash + "-gzip\"")) {
                return true;
            }
        }
        return false;
    }

    static boolean acceptsGzip(@org.jspecify.annotations.Nullable String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String part : acceptEncoding.split(",")) {
            String[] coding = part.trim().split(";");
            if (coding[0].trim().equalsIgnoreCase("gzip") || coding[0].trim().equals("*")) {
                return coding.length < 2 || !coding[1].replace(" ", "").matches("q=0(\\.0*)?");
            }
        }
        return false;
    }

    private byte[] gzip(String hash, byte[] body) {
        synchronized (gzipped) {
            byte[] cached = gzipped.get(hash);
            if (cached != null) {
                return cached;
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out, 8192)) {
            gz.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] result = out.toByteArray();
        synchronized (gzipped) {
            gzipped.put(hash, result);
        }
        return result;
    }

    static String hash(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 18));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
