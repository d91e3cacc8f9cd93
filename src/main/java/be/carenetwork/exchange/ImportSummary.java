package be.carenetwork.exchange;

import java.util.List;
import java.util.Map;

/**
 * What an import did.
 *
 * @param kind neighbourhoods, municipalities, actors or hsds
 * @param file the file's name
 * @param read records read from the file
 * @param created new nodes written
 * @param updated existing nodes updated in place (same code or same source id)
 * @param rejected records refused (with {@code --skip-invalid}; otherwise any refusal refuses the whole file)
 * @param problems the reasons, with where each is; at most {@code care.exchange.max-problems}
 * @param notes counts of things kept but worth knowing (opening hours not understood, points outside every
 *              neighbourhood, contact details dropped, ...)
 * @param millis how long it took
 */
public record ImportSummary(String kind, String file, int read, int created, int updated, int rejected,
                            List<ImportProblem> problems, Map<String, Integer> notes, long millis) {

    /** Lines for a terminal. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        text.append("Imported ").append(kind).append(" from ").append(file).append(" in ").append(millis).append(" ms: ")
                .append(read).append(" read, ").append(created).append(" created, ").append(updated).append(" updated, ")
                .append(rejected).append(" rejected");
        notes.forEach((note, count) -> text.append(System.lineSeparator()).append("  ").append(note).append(": ").append(count));
        problems.forEach(problem -> text.append(System.lineSeparator()).append("  rejected ").append(problem));
        return text.toString();
    }
}
