package be.carenetwork.glossary;

import java.util.List;

/**
 * A shared definition, in French, Dutch and English.
 *
 * @param id a stable slug such as {@code inclusive-practices}
 * @param categories the codes of the help categories the term is about
 */
public record GlossaryTerm(String id, String termFr, String termNl, String termEn,
                           String definitionFr, String definitionNl, String definitionEn, List<String> categories) {
}
