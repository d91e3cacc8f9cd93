package be.carenetwork.system;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Starts the embedded server on its own thread, so that Neo4j (about half of the start-up time, mostly class loading)
 * starts while Spring builds the rest of the application; made by {@link EmbeddedNeo4jEarlyStart} before Spring reads
 * its bean definitions. Whoever needs the server waits for it with {@link #get()}.
 */
public final class EmbeddedNeo4jLauncher implements AutoCloseable {

    private final CompletableFuture<EmbeddedNeo4j> server;

    EmbeddedNeo4jLauncher(EmbeddedNeo4jProperties properties, String password) {
        this.server = CompletableFuture.supplyAsync(() -> EmbeddedNeo4j.start(properties, password),
                task -> Thread.ofPlatform().name("embedded-neo4j-start").start(task));
    }

    /** The running server; waits for it to start, and fails the caller if it could not. */
    public EmbeddedNeo4j get() {
        try {
            return server.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    @Override
    public void close() {
        server.thenAccept(EmbeddedNeo4j::close).exceptionally(failed -> null).join();
    }
}
