package be.carenetwork.referral;

import java.util.List;

/**
 * A question of the decision tree, with its answers in order.
 *
 * @param start whether the triage may begin here
 */
public record DecisionQuestion(String id, boolean start, String textFr, String textNl, String textEn,
                               List<DecisionAnswer> answers) {
}
