package be.carenetwork.matching;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The ranked proposals for a need; when there are none, why, and where to turn instead.
 *
 * @param categories the need's category and its narrower ones, all of which were searched
 */
record Proposals(String needId, String category, List<String> categories, @Nullable String neededAt,
                 List<Proposal> proposals, @Nullable NoMatch noMatch) {
}
