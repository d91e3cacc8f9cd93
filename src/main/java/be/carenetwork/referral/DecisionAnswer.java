package be.carenetwork.referral;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One answer to a question of the decision tree. It leads to a further question, or to help categories and the
 * kinds of actors that resolve them (or both: categories to look at while asking more).
 *
 * @param next the id of the question this answer leads to, if any
 * @param categories the codes of the help categories that resolve it
 * @param actorKinds the kinds of actors ({@link be.carenetwork.directory.ActorKind} names) best placed to resolve it
 */
public record DecisionAnswer(String id, String textFr, String textNl, String textEn, @Nullable String next,
                             List<String> categories, List<String> actorKinds) {
}
