package be.carenetwork.system;

/** A 400 for one field of the request, with the reason in words a person can act on. */
public class BadInputException extends RuntimeException {

    private final String field;

    public BadInputException(String field, String reason) {
        super(reason);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
