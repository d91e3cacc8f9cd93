package be.carenetwork.exchange;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The problems and notes of one import as it checks a file, before anything is written. */
final class Problems {

    private final String file;
    private final int max;
    private final List<ImportProblem> listed = new ArrayList<>();
    private final Map<String, Integer> notes = new LinkedHashMap<>();
    private int count;

    Problems(String file, int max) {
        this.file = file;
        this.max = max;
    }

    void add(String where, String reason) {
        count++;
        if (listed.size() < max) {
            listed.add(new ImportProblem(where, reason));
        }
    }

    void note(String note) {
        note(note, 1);
    }

    void note(String note, int count) {
        if (count > 0) {
            notes.merge(note, count, Integer::sum);
        }
    }

    boolean any() {
        return count > 0;
    }

    int count() {
        return count;
    }

    List<ImportProblem> listed() {
        return List.copyOf(listed);
    }

    Map<String, Integer> notes() {
        return Map.copyOf(new LinkedHashMap<>(notes));
    }

    /** Refuses the whole file when anything was wrong. */
    void refuseIfAny() {
        if (count > 0) {
            throw new ImportRejectedException(file, listed, count);
        }
    }
}
