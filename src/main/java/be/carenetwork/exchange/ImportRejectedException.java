package be.carenetwork.exchange;

import java.util.List;

/** A whole file refused: nothing from it was written. Carries every problem found (up to the configured limit). */
public class ImportRejectedException extends RuntimeException {

    private final String file;
    private final List<ImportProblem> problems;
    private final int count;

    public ImportRejectedException(String file, List<ImportProblem> problems, int count) {
        super(message(file, problems, count));
        this.file = file;
        this.problems = List.copyOf(problems);
        this.count = count;
    }

    public ImportRejectedException(String file, ImportProblem problem) {
        this(file, List.of(problem), 1);
    }

    public String file() {
        return file;
    }

    public List<ImportProblem> problems() {
        return problems;
    }

    /** How many problems there were in all, which may be more than are listed. */
    public int count() {
        return count;
    }

    private static String message(String file, List<ImportProblem> problems, int count) {
        String first = problems.isEmpty() ? "" : ": " + problems.getFirst();
        return file + " was refused and nothing from it was written; " + count + (count == 1 ? " problem" : " problems") + first;
    }
}
