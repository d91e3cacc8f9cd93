package be.carenetwork.referral;

import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One change of the decision tree: who made it, when, and what changed.
 *
 * @param questions the whole tree as it was after this change; null in lists, and for a version not yet snapshotted
 */
public record DecisionTreeVersion(int number, String changedBy, OffsetDateTime changedAt, String summary,
                                  @Nullable List<DecisionQuestion> questions) {
}
