package be.carenetwork.map;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import be.carenetwork.directory.ActorKind;
import be.carenetwork.system.BadInputException;
import org.jspecify.annotations.Nullable;

/**
 * Which actors a map shows, as given in query parameters. Checked here so that a bad parameter becomes a 400
 * naming it; every value reaches Cypher as a parameter.
 *
 * @param categories help category codes; an actor offering any of them or any narrower category matches
 * @param kinds actor kinds; empty for all
 * @param formal true for formal actors only, false for informal ones only
 * @param wheelchair the accepted wheelchair values (YES, or YES and LIMITED); empty for any
 * @param name part of the name, lower case
 * @param bbox west, south, east, north in WGS84 degrees
 */
record ActorFilter(@Nullable String neighbourhood, List<String> categories, List<String> kinds,
                   @Nullable Boolean formal, @Nullable String language, @Nullable String targetGroup,
                   List<String> wheelchair, boolean openNow, @Nullable String name, double @Nullable [] bbox) {

    static final ActorFilter NONE = new ActorFilter(null, List.of(), List.of(), null, null, null, List.of(), false,
            null, null);

    /** Equal for equal filters, to key what was read with it (the record's own equality compares bbox by identity). */
    List<@Nullable Object> key() {
        return Arrays.asList(neighbourhood, categories, kinds, formal, language, targetGroup, wheelchair, openNow, name,
                bbox == null ? null : Arrays.toString(bbox));
    }

    static ActorFilter of(@Nullable String neighbourhood, @Nullable List<String> category, @Nullable List<String> kind,
                          @Nullable String formal, @Nullable String language, @Nullable String targetGroup,
                          @Nullable String wheelchair, @Nullable String openNow, @Nullable String q,
                          @Nullable String bbox) {
        return new ActorFilter(blankToNull("neighbourhood", neighbourhood, 40),
                categories(category), kinds(kind), bool("formal", formal), language(language),
                blankToNull("targetGroup", targetGroup, 60), wheelchair(wheelchair),
                Boolean.TRUE.equals(bool("openNow", openNow)), name(q), bbox(bbox));
    }

    private static List<String> categories(@Nullable List<String> values) {
        List<String> codes = split(values);
        for (String code : codes) {
            if (!be.carenetwork.taxonomy.CategoryLabel.CODE.matcher(code).matches()) {
                throw new BadInputException("category", "'" + code + "' is not a help category code");
            }
        }
        return codes;
    }

    private static List<String> kinds(@Nullable List<String> values) {
        List<String> kinds = new ArrayList<>();
        for (String value : split(values)) {
            String kind = value.toUpperCase(Locale.ROOT);
            if (Arrays.stream(ActorKind.values()).noneMatch(k -> k.name().equals(kind))) {
                throw new BadInputException("kind", "'" + value + "' is not one of " + Arrays.toString(ActorKind.values()));
            }
            kinds.add(kind);
        }
        return kinds;
    }

    private static @Nullable Boolean bool(String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new BadInputException(field, "must be true or false");
        };
    }

    private static @Nullable String language(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String language = value.trim().toLowerCase(Locale.ROOT);
        if (!language.matches("[a-z]{2,3}")) {
            throw new BadInputException("language", "must be an ISO 639 language code such as fr, nl or en");
        }
        return language;
    }

    private static List<String> wheelchair(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes" -> List.of("YES");
            case "limited" -> List.of("YES", "LIMITED");
            case "false", "any" -> List.of();
            default -> throw new BadInputException("wheelchair", "must be yes (fully accessible) or limited (at least partly)");
        };
    }

    private static @Nullable String name(@Nullable String value) {
        String q = blankToNull("q", value, 200);
        return q == null ? null : q.toLowerCase(Locale.ROOT);
    }

    private static double @Nullable [] bbox(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String[] parts = value.split(",");
        if (parts.length != 4) {
            throw new BadInputException("bbox", "must be west,south,east,north in WGS84 degrees");
        }
        double[] box = new double[4];
        try {
            for (int i = 0; i < 4; i++) {
                box[i] = Double.parseDouble(parts[i].trim());
            }
        } catch (NumberFormatException e) {
            throw new BadInputException("bbox", "must be four numbers: west,south,east,north in WGS84 degrees");
        }
        if (box[0] < -180 || box[2] > 180 || box[1] < -90 || box[3] > 90 || box[0] > box[2] || box[1] > box[3]) {
            throw new BadInputException("bbox", "must be west,south,east,north with west <= east and south <= north, in WGS84 degrees");
        }
        return box;
    }

    private static List<String> split(@Nullable List<String> values) {
        if (values == null) {
            return List.of();
        }
        return values.stream().flatMap(v -> Arrays.stream(v.split(","))).map(String::trim)
                .filter(s -> !s.isEmpty()).distinct().toList();
    }

    private static @Nullable String blankToNull(String field, @Nullable String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > max) {
            throw new BadInputException(field, "must be at most " + max + " characters");
        }
        return value.trim();
    }
}
