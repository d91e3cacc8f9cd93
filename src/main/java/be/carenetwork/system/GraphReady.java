package be.carenetwork.system;

/**
 * Published once at start, after the schema migrations, before the web server opens: the graph can be used.
 * Start-up work on the graph (indexes per category, demo data) listens to it, ordered with {@code @Order}.
 */
public record GraphReady() {
}
