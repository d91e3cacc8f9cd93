package be.carenetwork.map;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * One token bucket per client key (an IP address), in memory: each request takes a token, tokens come back at a
 * steady rate up to the burst size. Buckets that have refilled completely are dropped from time to time, so the
 * map holds only clients seen in the last few seconds.
 */
final class TokenBuckets {

    private static final int SWEEP_EVERY = 4096;

    private final double burst;
    private final double perNano;
    private final LongSupplier nanoTime;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private int calls;

    TokenBuckets(int burst, double perSecond, LongSupplier nanoTime) {
        if (burst < 1 || !(perSecond > 0)) {
            throw new IllegalArgumentException("care.map.rate-limit: burst must be at least 1 and per-second more than 0");
        }
        this.burst = burst;
        this.perNano = perSecond / 1e9;
        this.nanoTime = nanoTime;
    }

    private static final class Bucket {
        double tokens;
        long updated;

        Bucket(double tokens, long updated) {
            this.tokens = tokens;
            this.updated = updated;
        }
    }

    /** Takes a token for the key: 0 when the request may go on, else the whole seconds to wait for the next token. */
    long take(String key) {
        long now = nanoTime.getAsLong();
        if (++calls % SWEEP_EVERY == 0) {
            sweep(now);
        }
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(burst, now));
        synchronized (bucket) {
            bucket.tokens = Math.min(burst, bucket.tokens + (now - bucket.updated) * perNano);
            bucket.updated = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - bucket.tokens) / perNano / 1e9));
        }
    }

    int size() {
        return buckets.size();
    }

    private void sweep(long now) {
        buckets.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                return e.getValue().tokens + (now - e.getValue().updated) * perNano >= burst;
            }
        });
    }
}
