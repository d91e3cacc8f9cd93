package be.carenetwork.referral;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import be.carenetwork.directory.ActorKind;
import be.carenetwork.system.BadInputException;
import org.jspecify.annotations.Nullable;

/**
 * What a decision tree must be before it is saved: every answer goes somewhere that exists, categories and actor
 * kinds are known, there is a place to start, and no question leads back to itself (a cycle would make the triage
 * walk in circles). Errors name the field of the question being saved, or {@code questions[<id>]...} for another.
 */
final class DecisionTreeRules {

    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,60}");
    private static final Set<String> KINDS = Set.of(java.util.Arrays.stream(ActorKind.values()).map(Enum::name).toArray(String[]::new));

    private DecisionTreeRules() {
    }

    /**
     * @param edited the id of the question being saved (its errors are named as the request's own fields), if any
     */
    static void check(List<DecisionQuestion> tree, Set<String> knownCategories, @Nullable String edited) {
        Map<String, DecisionQuestion> byId = new HashMap<>();
        Set<String> answerIds = new HashSet<>();
        for (DecisionQuestion question : tree) {
            String prefix = prefix(question.id(), edited);
            if (!ID.matcher(question.id()).matches()) {
                throw new BadInputException(prefix.isEmpty() ? "id" : prefix + "id", "must be lower case letters, digits and hyphens, 2 to 61 characters");
            }
            if (byId.put(question.id(), question) != null) {
                throw new BadInputException(prefix + "id", "question '" + question.id() + "' appears twice");
            }
            if (question.answers().isEmpty()) {
                throw new BadInputException(prefix + "answers", "a question needs at least one answer");
            }
            for (int i = 0; i < question.answers().size(); i++) {
                DecisionAnswer answer = question.answers().get(i);
                String field = prefix + "answers[" + i + "]";
                if (!ID.matcher(answer.id()).matches()) {
                    throw new BadInputException(field + ".id", "must be lower case letters, digits and hyphens, 2 to 61 characters");
                }
                if (!answerIds.add(answer.id())) {
                    throw new BadInputException(field + ".id", "answer '" + answer.id() + "' is used twice in the tree");
                }
                if (answer.next() == null && answer.categories().isEmpty()) {
                    throw new BadInputException(field, "must lead to a next question or to at least one help category");
                }
                for (String category : answer.categories()) {
                    if (!knownCategories.contains(category)) {
                        throw new BadInputException(field + ".categories", "'" + category + "' is not a known help category code");
                    }
                }
                if (new HashSet<>(answer.categories()).size() != answer.categories().size()) {
                    throw new BadInputException(field + ".categories", "lists a category twice");
                }
                for (String kind : answer.actorKinds()) {
                    if (!KINDS.contains(kind)) {
                        throw new BadInputException(field + ".actorKinds", "'" + kind + "' is not an actor kind (one of " + String.join(", ", KINDS.stream().sorted().toList()) + ")");
                    }
                }
            }
        }
        for (DecisionQuestion question : tree) {
            for (int i = 0; i < question.answers().size(); i++) {
                String next = question.answers().get(i).next();
                if (next != null && !byId.containsKey(next)) {
                    throw new BadInputException(prefix(question.id(), edited) + "answers[" + i + "].next",
                            "there is no question '" + next + "'");
                }
            }
        }
        if (!tree.isEmpty() && tree.stream().noneMatch(DecisionQuestion::start)) {
            throw new BadInputException(edited == null ? "start" : prefix(edited, edited) + "start",
                    "the tree needs at least one question the triage starts from");
        }
        if (edited != null && byId.containsKey(edited)) {
            refuseCycleThrough(byId.get(edited), byId);
        }
        refuseAnyCycle(tree, byId, edited);
    }

    /** A cycle through the question being saved is named at the answer that starts it. */
    private static void refuseCycleThrough(DecisionQuestion edited, Map<String, DecisionQuestion> byId) {
        for (int i = 0; i < edited.answers().size(); i++) {
            String next = edited.answers().get(i).next();
            if (next == null) {
                continue;
            }
            List<String> back = pathBetween(next, edited.id(), byId);
            if (back != null) {
                List<String> cycle = new ArrayList<>();
                cycle.add(edited.id());
                cycle.addAll(back);
                throw new BadInputException("answers[" + i + "].next", "leads to question '" + next
                        + "', from which the tree comes back to question '" + edited.id() + "' (" + String.join(" -> ", cycle)
                        + "): a question may not lead back to itself");
            }
        }
    }

    /** The questions from {@code from} to {@code to} following answers, both included, or null when unreachable. */
    private static @Nullable List<String> pathBetween(String from, String to, Map<String, DecisionQuestion> byId) {
        Map<String, String> cameFrom = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>(List.of(from));
        Set<String> seen = new HashSet<>(List.of(from));
        while (!queue.isEmpty()) {
            String current = queue.poll();
            if (current.equals(to)) {
                List<String> path = new ArrayList<>();
                for (String at = to; at != null; at = cameFrom.get(at)) {
                    path.addFirst(at);
                }
                return path;
            }
            for (DecisionAnswer answer : byId.get(current).answers()) {
                if (answer.next() != null && seen.add(answer.next())) {
                    cameFrom.put(answer.next(), current);
                    queue.add(answer.next());
                }
            }
        }
        return null;
    }

    private static void refuseAnyCycle(List<DecisionQuestion> tree, Map<String, DecisionQuestion> byId, @Nullable String edited) {
        Map<String, Integer> state = new HashMap<>(); // absent: unseen, 1: on the current path, 2: done
        for (DecisionQuestion root : tree) {
            if (state.containsKey(root.id())) {
                continue;
            }
            // Iterative depth-first search keeping the current path, so the cycle can be named.
            Deque<String> path = new ArrayDeque<>();
            Deque<Integer> nextAnswer = new ArrayDeque<>();
            path.push(root.id());
            nextAnswer.push(0);
            state.put(root.id(), 1);
            while (!path.isEmpty()) {
                DecisionQuestion question = byId.get(path.peek());
                int i = nextAnswer.pop();
                if (i == question.answers().size()) {
                    state.put(question.id(), 2);
                    path.pop();
                    continue;
                }
                nextAnswer.push(i + 1);
                String next = question.answers().get(i).next();
                if (next == null) {
                    continue;
                }
                Integer seen = state.get(next);
                if (Objects.equals(seen, 1)) {
                    List<String> onPath = new ArrayList<>(path.reversed());
                    List<String> cycle = new ArrayList<>(onPath.subList(onPath.indexOf(next), onPath.size()));
                    cycle.add(next);
                    throw new BadInputException(prefix(question.id(), edited) + "answers[" + i + "].next",
                            "question '" + question.id() + "' leads back to question '" + next + "' ("
                                    + String.join(" -> ", cycle) + "): a question may not lead back to itself");
                }
                if (seen == null) {
                    state.put(next, 1);
                    path.push(next);
                    nextAnswer.push(0);
                }
            }
        }
    }

    private static String prefix(String questionId, @Nullable String edited) {
        return questionId.equals(edited) ? "" : "questions[" + questionId + "].";
    }

    /** What changed, in words, for the version history. */
    static String describe(@Nullable DecisionQuestion before, @Nullable DecisionQuestion after) {
        if (before == null && after == null) {
            return "No change";
        }
        if (before == null) {
            return "Added question '" + after.id() + "' (" + after.textEn() + ") with " + after.answers().size() + " answers";
        }
        if (after == null) {
            return "Removed question '" + before.id() + "' (" + before.textEn() + ")";
        }
        List<String> changes = new ArrayList<>();
        if (!before.textFr().equals(after.textFr()) || !before.textNl().equals(after.textNl())
                || !before.textEn().equals(after.textEn())) {
            changes.add("question text");
        }
        if (before.start() != after.start()) {
            changes.add(after.start() ? "now a starting question" : "no longer a starting question");
        }
        Map<String, DecisionAnswer> old = new HashMap<>();
        before.answers().forEach(a -> old.put(a.id(), a));
        Set<String> added = new LinkedHashSet<>();
        for (DecisionAnswer answer : after.answers()) {
            DecisionAnswer was = old.remove(answer.id());
            if (was == null) {
                added.add(answer.id());
            } else if (!was.equals(answer)) {
                List<String> what = new ArrayList<>();
                if (!Objects.equals(was.next(), answer.next())) {
                    what.add("next " + was.next() + " -> " + answer.next());
                }
                if (!was.categories().equals(answer.categories())) {
                    what.add("categories " + was.categories() + " -> " + answer.categories());
                }
                if (!was.actorKinds().equals(answer.actorKinds())) {
                    what.add("actor kinds " + was.actorKinds() + " -> " + answer.actorKinds());
                }
                if (what.isEmpty()) {
                    what.add("text");
                }
                changes.add("answer '" + answer.id() + "': " + String.join(", ", what));
            }
        }
        if (!added.isEmpty()) {
            changes.add("answers added " + added);
        }
        if (!old.isEmpty()) {
            changes.add("answers removed " + old.keySet().stream().sorted().toList());
        }
        List<String> orderBefore = before.answers().stream().map(DecisionAnswer::id).filter(id -> after.answers().stream().anyMatch(a -> a.id().equals(id))).toList();
        List<String> orderAfter = after.answers().stream().map(DecisionAnswer::id).filter(id -> before.answers().stream().anyMatch(a -> a.id().equals(id))).toList();
        if (!orderBefore.equals(orderAfter)) {
            changes.add("answers reordered");
        }
        return "Changed question '" + after.id() + "': " + (changes.isEmpty() ? "nothing" : String.join("; ", changes));
    }
}
