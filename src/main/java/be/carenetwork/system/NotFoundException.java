package be.carenetwork.system;

/** A 404: names what was looked for and by which id. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, String id) {
        super("No " + what + " with id '" + id + "'");
    }
}
