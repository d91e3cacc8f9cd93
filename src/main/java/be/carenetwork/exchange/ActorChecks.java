package be.carenetwork.exchange;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import be.carenetwork.directory.ActorInput;
import be.carenetwork.directory.OpeningHours;
import be.carenetwork.neighbourhood.NeighbourhoodLocator;
import be.carenetwork.system.GeoPoint;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Turns drafts into actors that can be written, with the same limits as the API ({@link ActorInput}'s constraints):
 * positions converted to WGS84 and checked, ids unique in the file, categories known. Imported data is treated
 * leniently where nothing is lost by it: opening hours that do not parse are kept as text (no open slots), optional
 * contact details that are not valid are dropped, over-long text is shortened; each such case is counted in the
 * summary's notes.
 */
@Component
class ActorChecks {

    static final String OPENING_HOURS_NOT_UNDERSTOOD = "opening hours not understood (kept as text, no open slots)";
    static final String OUTSIDE = "outside every neighbourhood (imported and flagged)";

    private static final int MAX_ID_LENGTH = 200;
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern WEBSITE = Pattern.compile("https?://\\S{1,300}");

    private final Validator validator;
    private final NeighbourhoodLocator locator;

    ActorChecks(Validator validator, NeighbourhoodLocator locator) {
        this.validator = validator;
        this.locator = locator;
    }

    /** Checks the drafts of one file, in order, with one CRS conversion and one set of ids. */
    final class Session {

        private final Crs.Conversion conversion;
        private final Set<String> knownCategories;
        private final Map<String, String> seen = new HashMap<>();
        /** Opening hours parsed once per text: thousands of places share "Mo-Fr 09:00-18:00". */
        private final Map<String, java.util.Optional<List<Integer>>> hours = new HashMap<>();

        private Session(Crs crs, Set<String> knownCategories) {
            this.conversion = crs.toWgs84();
            this.knownCategories = knownCategories;
        }

        /** The actor to write, or null after adding why not to {@code problems}. */
        @Nullable ImportedActor check(String where, ActorDraft draft, Problems problems) {
            int before = problems.count();
            String id = draft.actorId();
            if (id.length() > MAX_ID_LENGTH) {
                problems.add(where, "has an id longer than " + MAX_ID_LENGTH + " characters");
            }
            String first = seen.putIfAbsent(id, where);
            if (first != null) {
                problems.add(where, "has the id '" + id + "', already used at " + first);
            }
            double[] lonLat = null;
            if (draft.x() == null || draft.y() == null) {
                problems.add(where, "has no position");
            } else {
                String problem = conversion.check(draft.x(), draft.y());
                if (problem != null) {
                    problems.add(where, problem);
                } else {
                    lonLat = conversion.convert(draft.x(), draft.y());
                    if ((Math.abs(lonLat[0]) > 180 || Math.abs(lonLat[1]) > 90)) {
                        problems.add(where, "has a position outside longitude -180..180 / latitude -90..90 once converted");
                    }
                }
            }
            if (draft.name() == null || draft.name().isBlank()) {
                problems.add(where, "has no name");
            }
            for (String code : draft.categories()) {
                if (!knownCategories.contains(code)) {
                    problems.add(where, "categories: '" + code + "' is not a known help category code");
                }
            }
            if (problems.count() > before || lonLat == null) {
                return null;
            }
            ActorInput input = new ActorInput(shorten(draft.name(), 200, problems), shorten(draft.description(), 4000, problems),
                    draft.kind(), lonLat[1], lonLat[0], shorten(draft.address(), 300, problems), languages(draft, problems),
                    openingHours(draft.openingHours(), problems), targetGroups(draft.targetGroups(), problems),
                    draft.wheelchair(), draft.visibility(),
                    drop(draft.phone(), draft.phone() != null && draft.phone().length() <= 40, "phone", problems),
                    drop(draft.email(), draft.email() != null && draft.email().length() <= 200 && EMAIL.matcher(draft.email()).matches(), "e-mail", problems),
                    drop(draft.website(), draft.website() != null && WEBSITE.matcher(draft.website()).matches(), "website", problems),
                    draft.contactPublic());
            for (ConstraintViolation<ActorInput> violation : validator.validate(input)) {
                problems.add(where, violation.getPropertyPath() + " " + violation.getMessage());
            }
            if (problems.count() > before) {
                return null;
            }
            List<Integer> slots = input.openingHours() == null ? null : hours.computeIfAbsent(input.openingHours(),
                    text -> OpeningHours.tryParse(text).map(OpeningHours::weeklySlots)).orElse(null);
            if (input.openingHours() != null && slots == null) {
                problems.note(OPENING_HOURS_NOT_UNDERSTOOD);
            }
            String neighbourhood = locator.locate(new GeoPoint(input.lat(), input.lon())).orElse(null);
            if (neighbourhood == null) {
                problems.note(OUTSIDE);
            }
            return new ImportedActor(id, input, slots, draft.categories(), draft.radiusMetres(), draft.maxActive(),
                    draft.source(), draft.attribution(), shorten(draft.nameFr(), 200, problems),
                    shorten(draft.nameNl(), 200, problems), neighbourhood);
        }
    }

    Session session(Crs crs, Set<String> knownCategories) {
        return new Session(crs, knownCategories);
    }

    private static @Nullable String shorten(@Nullable String text, int max, Problems problems) {
        if (text == null || text.length() <= max) {
            return text;
        }
        problems.note("text shortened to the longest we keep");
        return text.substring(0, max - 1) + "…";
    }

    private static @Nullable String drop(@Nullable String value, boolean valid, String what, Problems problems) {
        if (value == null || valid) {
            return value;
        }
        problems.note(what + " not valid (left out)");
        return null;
    }

    private static @Nullable String openingHours(@Nullable String text, Problems problems) {
        if (text != null && text.length() > 255) {
            problems.note("opening hours longer than 255 characters (left out)");
            return null;
        }
        return text;
    }

    private static List<String> languages(ActorDraft draft, Problems problems) {
        List<String> languages = new ArrayList<>();
        for (String code : draft.languages()) {
            if (LANGUAGE.matcher(code).matches() && languages.size() < 20) {
                languages.add(code);
            } else {
                problems.note("language codes not valid (left out)");
            }
        }
        return languages;
    }

    private static List<String> targetGroups(List<String> groups, Problems problems) {
        List<String> kept = new ArrayList<>();
        for (String group : groups) {
            if (kept.size() < 20) {
                kept.add(shorten(group, 60, problems));
            } else {
                problems.note("target groups beyond 20 (left out)");
            }
        }
        return kept;
    }
}
