package be.carenetwork.taxonomy;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * A kind of help, in the shared language of health and social workers and neighbours.
 *
 * @param code stable identifier, lower case with underscores ({@code transport_appointments})
 * @param sector HEALTH, SOCIAL or INFORMAL: what analysts group flows by
 * @param broader the code of the broader category, if any (the taxonomy is a tree)
 */
public record HelpCategory(String code, String sector, String labelFr, String labelNl, String labelEn,
                           @Nullable String broader) {

    /** The label in the given language (fr, nl or en); English for any other. */
    public String label(Locale locale) {
        return switch (locale.getLanguage()) {
            case "fr" -> labelFr;
            case "nl" -> labelNl;
            default -> labelEn;
        };
    }
}
