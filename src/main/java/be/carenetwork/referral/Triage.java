package be.carenetwork.referral;

import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import be.carenetwork.directory.Actor;
import be.carenetwork.directory.Actors;
import be.carenetwork.directory.OpeningHours;
import be.carenetwork.system.BadInputException;
import be.carenetwork.system.GeoPoint;
import be.carenetwork.taxonomy.HelpCategories;
import be.carenetwork.taxonomy.HelpCategory;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The end of a walk through the decision tree: for each help category of the answer reached, the actors near the
 * person that offer it (the directory's proximity search, on the category's own point index), those of the kinds
 * the answer names first, then those speaking the person's language, then the nearest.
 */
@Service
public class Triage {

    private final DecisionTree tree;
    private final Actors actors;
    private final HelpCategories categories;
    private final ReferralProperties properties;

    Triage(DecisionTree tree, Actors actors, HelpCategories categories, ReferralProperties properties) {
        this.tree = tree;
        this.actors = actors;
        this.categories = categories;
        this.properties = properties;
    }

    /**
     * @param kindMatches the actor is of a kind the answer names (true when it names none)
     * @param openNow null when the actor's opening hours are unknown
     * @param speaksLanguage null when no language was asked for
     */
    public record TriageActor(Actor actor, long distanceMetres, boolean kindMatches, @Nullable Boolean openNow,
                              @Nullable Boolean speaksLanguage) {
    }

    public record CategoryActors(HelpCategory category, List<TriageActor> actors) {
    }

    public record Outcome(DecisionAnswer answer, List<CategoryActors> categories) {
    }

    public Outcome outcome(String answerId, GeoPoint person, double distanceMetres, @Nullable String language, int limit) {
        if (limit < 1 || limit > 50) {
            throw new BadInputException("limit", "must be between 1 and 50");
        }
        DecisionAnswer answer = tree.answer(answerId);
        Map<String, HelpCategory> byCode = categories.all().stream()
                .collect(Collectors.toMap(HelpCategory::code, Function.identity()));
        LocalDateTime now = LocalDateTime.now(properties.timeZone());
        Comparator<TriageActor> order = Comparator.comparing((TriageActor a) -> !a.kindMatches())
                .thenComparing(a -> !Boolean.TRUE.equals(a.speaksLanguage()))
                .thenComparingLong(TriageActor::distanceMetres)
                .thenComparing(a -> a.actor().id());
        List<CategoryActors> found = answer.categories().stream()
                .filter(byCode::containsKey)
                .map(code -> new CategoryActors(byCode.get(code),
                        actors.nearby(person, distanceMetres, code, null, Math.min(Actors.MAX_RESULTS, limit * 4), true).stream()
                                .map(n -> new TriageActor(n.actor(), n.distanceMetres(),
                                        answer.actorKinds().isEmpty() || answer.actorKinds().contains(n.actor().kind().name()),
                                        OpeningHours.tryParse(n.actor().openingHours()).map(h -> h.isOpenAt(now)).orElse(null),
                                        language == null ? null : n.actor().languages().contains(language)))
                                .sorted(order)
                                .limit(limit)
                                .toList()))
                .toList();
        return new Outcome(answer, found);
    }
}
