package be.carenetwork.system;

import java.util.List;

/**
 * One page of a list. Pages are numbered from 0.
 *
 * @param total the number of items on all pages together
 */
public record Page<T>(List<T> items, int page, int size, long total) {

    public static final int MAX_SIZE = 200;

    /** Checks a requested page and size, naming the bad parameter in a 400. */
    public static void check(int page, int size) {
        if (page < 0) {
            throw new BadInputException("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new BadInputException("size", "must be between 1 and " + MAX_SIZE);
        }
    }
}
