package be.carenetwork.system;

/** A 409: the request is valid but the graph's current state does not allow it. */
public class ConflictException extends RuntimeException {

    public ConflictException(String reason) {
        super(reason);
    }
}
