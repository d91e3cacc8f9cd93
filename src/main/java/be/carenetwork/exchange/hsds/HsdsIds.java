package be.carenetwork.exchange.hsds;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import be.carenetwork.exchange.ImportedActors;
import org.jspecify.annotations.Nullable;

/**
 * HSDS ids are UUIDs. Each public actor is one organization offering one service at one location, all derived from
 * one key: the actor's id when it is a UUID (actors made through the API or the demo), else its stored
 * {@code hsdsId} (imported actors), else a name-based UUID of its id. The organization, location and
 * service_at_location ids are the key with a fixed mask XORed in, so that any of them leads back to the actor
 * without storing more; version and variant bits are left as they were.
 */
public final class HsdsIds {

    private static final long ORGANIZATION = 0x1111_2222_0000_3333L;
    private static final long LOCATION = 0x4444_5555_0000_6666L;
    private static final long SERVICE_AT_LOCATION = 0x7777_8888_0000_9999L;
    private static final long LOW_MASK = 0x0FFF_FFFF_FFFF_FFFFL;

    /** The taxonomy of help categories, as HSDS sees it. */
    public static final String TAXONOMY_NAME = "care-network-help-categories";
    public static final String TAXONOMY = nameBased("taxonomy:" + TAXONOMY_NAME);

    private HsdsIds() {
    }

    /** The key (and service id) of an actor. */
    public static String key(String actorId, @Nullable String hsdsId) {
        if (hsdsId != null) {
            return hsdsId;
        }
        return isUuid(actorId) ? actorId.toLowerCase(java.util.Locale.ROOT) : ImportedActors.hsdsIdOf(actorId);
    }

    public static String organization(String key) {
        return masked(key, ORGANIZATION);
    }

    public static String location(String key) {
        return masked(key, LOCATION);
    }

    public static String serviceAtLocation(String key) {
        return masked(key, SERVICE_AT_LOCATION);
    }

    /** The key of the actor behind an organization id (the mask is its own inverse). */
    public static String fromOrganization(String id) {
        return masked(id, ORGANIZATION);
    }

    public static String fromLocation(String id) {
        return masked(id, LOCATION);
    }

    public static String fromServiceAtLocation(String id) {
        return masked(id, SERVICE_AT_LOCATION);
    }

    /** An id for a part of an actor's record (a schedule, a phone, a language): stable, never looked up. */
    public static String part(String key, String part) {
        return nameBased(key + ":" + part);
    }

    public static String term(String categoryCode) {
        return nameBased("taxonomy_term:" + categoryCode);
    }

    public static boolean isUuid(String id) {
        if (id.length() != 36) {
            return false;
        }
        try {
            return UUID.fromString(id).toString().equalsIgnoreCase(id);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String masked(String key, long mask) {
        UUID uuid = UUID.fromString(key);
        // The version nibble sits in the high word at bits 12-15; the variant in the top bits of the low word.
        long high = uuid.getMostSignificantBits() ^ (mask & 0xFFFF_FFFF_FFFF_0FFFL);
        long low = uuid.getLeastSignificantBits() ^ (mask & LOW_MASK);
        return new UUID(high, low).toString();
    }

    private static String nameBased(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
