package be.carenetwork.system;

import java.util.OptionalLong;

import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.neo4j.storageengine.api.TransactionIdStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * A number that changes whenever the main graph does, so that a feature may keep what it read until then: the last
 * transaction committed on the embedded server. An external Neo4j offers no such number to a client: then there is
 * none, and nothing may be kept.
 */
@Component
public class GraphVersion {

    private final ObjectProvider<EmbeddedNeo4j> embedded;

    GraphVersion(ObjectProvider<EmbeddedNeo4j> embedded) {
        this.embedded = embedded;
    }

    /** The current version; empty with an external Neo4j. Read it before reading the graph, never after. */
    public OptionalLong current() {
        EmbeddedNeo4j server = embedded.getIfAvailable();
        if (server == null) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(((GraphDatabaseAPI) server.database()).getDependencyResolver()
                    .resolveDependency(TransactionIdStore.class).getLastCommittedTransactionId());
        } catch (RuntimeException stopping) {
            return OptionalLong.empty();
        }
    }
}
