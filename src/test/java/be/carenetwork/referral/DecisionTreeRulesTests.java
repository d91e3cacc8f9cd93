package be.carenetwork.referral;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import be.carenetwork.system.BadInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DecisionTreeRulesTests {

    static final Set<String> CATEGORIES = Set.of("paperwork", "digital_help", "financial_help");

    static DecisionAnswer next(String id, String next) {
        return new DecisionAnswer(id, "fr " + id, "nl " + id, "en " + id, next, List.of(), List.of());
    }

    static DecisionAnswer resolved(String id, String... categories) {
        return new DecisionAnswer(id, "fr " + id, "nl " + id, "en " + id, null, List.of(categories), List.of("SERVICE"));
    }

    static DecisionQuestion question(String id, boolean start, DecisionAnswer... answers) {
        return new DecisionQuestion(id, start, "fr " + id, "nl " + id, "en " + id, List.of(answers));
    }

    /** start -> paperwork -> money, and start -> money: a shared question, no cycle. */
    static List<DecisionQuestion> tree() {
        return new ArrayList<>(List.of(
                question("q-start", true, next("a-1", "q-paperwork"), next("a-2", "q-money")),
                question("q-paperwork", false, resolved("a-3", "paperwork", "digital_help"), next("a-4", "q-money")),
                question("q-money", false, resolved("a-5", "financial_help"))));
    }

    @Test
    void shouldAcceptAQuestionSharedByTwoAnswers() {
        assertThatCode(() -> DecisionTreeRules.check(tree(), CATEGORIES, "q-paperwork")).doesNotThrowAnyException();
    }

    @Test
    void shouldRefuseACycleNamingTheAnswerAndTheQuestions() {
        List<DecisionQuestion> tree = tree();
        tree.set(2, question("q-money", false, resolved("a-5", "financial_help"), next("a-6", "q-start")));

        assertThatThrownBy(() -> DecisionTreeRules.check(tree, CATEGORIES, "q-money"))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("(q-money -> q-start -> q-money)")
                .extracting("field").isEqualTo("answers[1].next");
    }

    @Test
    void shouldRefuseAQuestionLeadingToItself() {
        List<DecisionQuestion> tree = tree();
        tree.set(2, question("q-money", false, next("a-5", "q-money")));

        assertThatThrownBy(() -> DecisionTreeRules.check(tree, CATEGORIES, "q-money"))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("q-money -> q-money")
                .extracting("field").isEqualTo("answers[0].next");
    }

    @Test
    void shouldNameTheQuestionOfACycleFoundInAWholeTree() {
        List<DecisionQuestion> tree = tree();
        tree.set(2, question("q-money", false, next("a-5", "q-paperwork")));

        assertThatThrownBy(() -> DecisionTreeRules.check(tree, CATEGORIES, null))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("q-paperwork -> q-money -> q-paperwork")
                .extracting("field").isEqualTo("questions[q-money].answers[0].next");
    }

    @Test
    void shouldRefuseAnAnswerLeadingNowhere() {
        List<DecisionQuestion> tree = tree();
        tree.set(2, question("q-money", false, new DecisionAnswer("a-5", "f", "n", "e", null, List.of(), List.of())));

        assertThatThrownBy(() -> DecisionTreeRules.check(tree, CATEGORIES, "q-money"))
                .extracting("field").isEqualTo("answers[0]");
    }

    @Test
    void shouldRefuseAMissingNextQuestionUnknownCategoryOrKind() {
        List<DecisionQuestion> missing = tree();
        missing.set(2, question("q-money", false, next("a-5", "q-nowhere")));
        assertThatThrownBy(() -> DecisionTreeRules.check(missing, CATEGORIES, "q-money"))
                .hasMessageContaining("q-nowhere").extracting("field").isEqualTo("answers[0].next");

        List<DecisionQuestion> unknown = tree();
        unknown.set(2, question("q-money", false, resolved("a-5", "astrology")));
        assertThatThrownBy(() -> DecisionTreeRules.check(unknown, CATEGORIES, "q-money"))
                .hasMessageContaining("astrology").extracting("field").isEqualTo("answers[0].categories");

        List<DecisionQuestion> kind = tree();
        kind.set(2, question("q-money", false, new DecisionAnswer("a-5", "f", "n", "e", null, List.of("paperwork"), List.of("WIZARD"))));
        assertThatThrownBy(() -> DecisionTreeRules.check(kind, CATEGORIES, "q-money"))
                .hasMessageContaining("WIZARD").extracting("field").isEqualTo("answers[0].actorKinds");
    }

    @Test
    void shouldRefuseAnAnswerIdUsedTwiceAndATreeWithoutStart() {
        List<DecisionQuestion> twice = tree();
        twice.set(2, question("q-money", false, resolved("a-1", "financial_help")));
        assertThatThrownBy(() -> DecisionTreeRules.check(twice, CATEGORIES, "q-money"))
                .extracting("field").isEqualTo("answers[0].id");

        List<DecisionQuestion> noStart = tree();
        noStart.set(0, question("q-start", false, next("a-1", "q-paperwork"), next("a-2", "q-money")));
        assertThatThrownBy(() -> DecisionTreeRules.check(noStart, CATEGORIES, "q-start"))
                .extracting("field").isEqualTo("start");
    }

    @Test
    void shouldDescribeWhatChanged() {
        DecisionQuestion before = tree().get(1);
        DecisionQuestion after = question("q-paperwork", false, resolved("a-3", "paperwork"), resolved("a-7", "digital_help"));

        assertThat(DecisionTreeRules.describe(before, after))
                .isEqualTo("Changed question 'q-paperwork': answer 'a-3': categories [paperwork, digital_help] -> [paperwork]; "
                        + "answers added [a-7]; answers removed [a-4]");
        assertThat(DecisionTreeRules.describe(null, after)).startsWith("Added question 'q-paperwork'");
    }
}
