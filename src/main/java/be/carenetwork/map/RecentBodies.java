package be.carenetwork.map;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Supplier;

import be.carenetwork.system.GraphVersion;
import org.springframework.stereotype.Component;

/**
 * The GeoJSON bodies last sent, kept while the graph has not changed, so that a map many people open (the public
 * map, the widget on partner sites) is read from the graph once per change rather than once per visitor: the whole
 * city took 350 ms to read and write out, a kept body a hash. What a body depends on besides the graph (the filter,
 * whether the caller is signed in, the half hour that "open now" means) belongs in its key. Bounded in bytes; with
 * an external Neo4j (no graph version) nothing is kept.
 */
@Component
class RecentBodies {

    static final long MAX_BYTES = 48L * 1024 * 1024;

    private final GraphVersion version;
    private final Map<List<Object>, byte[]> bodies = new LinkedHashMap<>(32, 0.75f, true);
    private long keptVersion = Long.MIN_VALUE;
    private long bytes;

    RecentBodies(GraphVersion version) {
        this.version = version;
    }

    byte[] get(List<Object> key, Supplier<byte[]> read) {
        // The version is read before the graph: a body read during a change is filed under the older version, which
        // is never asked for again, so a stale body is never served.
        OptionalLong current = version.current();
        if (current.isEmpty()) {
            return read.get();
        }
        long at = current.getAsLong();
        synchronized (bodies) {
            byte[] kept = at == keptVersion ? bodies.get(key) : null;
            if (kept != null) {
                return kept;
            }
        }
        byte[] body = read.get();
        if (body.length <= MAX_BYTES / 4) {
            keep(at, key, body);
        }
        return body;
    }

    private void keep(long at, List<Object> key, byte[] body) {
        synchronized (bodies) {
            if (at < keptVersion) {
                return;
            }
            if (at > keptVersion) {
                // The graph changed: what was kept before can never be sent again.
                bodies.clear();
                bytes = 0;
                keptVersion = at;
            }
            byte[] replaced = bodies.put(key, body);
            bytes += body.length - (replaced == null ? 0 : replaced.length);
            var eldest = bodies.entrySet().iterator();
            while (bytes > MAX_BYTES && eldest.hasNext()) {
                bytes -= eldest.next().getValue().length;
                eldest.remove();
            }
        }
    }
}
