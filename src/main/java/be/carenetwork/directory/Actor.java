package be.carenetwork.directory;

import java.util.List;

import be.carenetwork.system.GeoPoint;
import org.jspecify.annotations.Nullable;

/**
 * Anyone who can help: an organisation, a service, a professional, a shop, a school, a referral point,
 * a neighbour, a volunteer or an informal carer.
 *
 * @param languages ISO 639-1 codes of the languages spoken (fr, nl, en, ar, ...)
 * @param openingHours in OpenStreetMap {@code opening_hours} syntax, such as {@code Mo-Fr 09:00-17:00}
 * @param wheelchair YES, LIMITED, NO or UNKNOWN
 * @param contactPublic whether phone, e-mail and website may be shown to anonymous users
 * @param neighbourhood the code of the neighbourhood containing it; null when outside every neighbourhood
 * @param offers the codes of the help categories it offers
 */
public record Actor(String id, String name, @Nullable String description, ActorKind kind, boolean formal,
                    GeoPoint location, @Nullable String address, List<String> languages,
                    @Nullable String openingHours, List<String> targetGroups, String wheelchair,
                    Visibility visibility, @Nullable String phone, @Nullable String email, @Nullable String website,
                    boolean contactPublic, @Nullable String neighbourhood, List<String> offers, boolean demo) {

    /** The same actor as anonymous users see it: contact details only where the actor made them public. */
    public Actor forPublic() {
        return contactPublic ? this : new Actor(id, name, description, kind, formal, location, address, languages,
                openingHours, targetGroups, wheelchair, visibility, null, null, null, false, neighbourhood, offers, demo);
    }
}
