package be.carenetwork.exchange;

/** Progress of a long import, for the command line. */
@FunctionalInterface
public interface ImportProgress {

    ImportProgress NONE = (phase, done, total) -> { };

    /**
     * @param phase what is being done: {@code reading}, {@code checking}, {@code writing}
     * @param done records done in this phase
     * @param total records in all
     */
    void report(String phase, int done, int total);
}
