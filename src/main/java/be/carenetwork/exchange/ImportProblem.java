package be.carenetwork.exchange;

/**
 * One reason a record or a whole file was refused.
 *
 * @param where where in the file: {@code line 12}, {@code feature 5}, {@code file} or {@code mapping}
 * @param reason what is wrong, in words a person can act on
 */
public record ImportProblem(String where, String reason) {

    @Override
    public String toString() {
        return where + ": " + reason;
    }
}
