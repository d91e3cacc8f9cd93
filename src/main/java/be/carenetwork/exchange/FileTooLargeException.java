package be.carenetwork.exchange;

/** A file above {@code care.exchange.max-file-size}: refused before it is read. */
public class FileTooLargeException extends RuntimeException {

    public FileTooLargeException(String file, long bytes, long maxBytes) {
        super(file + " has " + (bytes < 0 ? "more than " + maxBytes : bytes) + " bytes; the limit for imports is " + maxBytes
                + " bytes (care.exchange.max-file-size)");
    }
}
