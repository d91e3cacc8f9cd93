package be.carenetwork.system;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Transaction;
import org.neo4j.server.security.SecureHasher;
import org.neo4j.server.security.SystemGraphCredential;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the embedded server's {@code neo4j} user on the configured password.
 * <p>
 * In-process access to the system database bypasses authentication, so the password can be set
 * without knowing the previous one: on the first start (when Neo4j still asks for a new password)
 * and whenever the configured password was changed since.
 */
final class BoltPassword {

    private static final Logger log = LoggerFactory.getLogger(BoltPassword.class);

    private final GraphDatabaseService system;

    BoltPassword(GraphDatabaseService system) {
        this.system = system;
    }

    void ensure(String password) {
        if (password.length() < 8) {
            throw new IllegalStateException(
                    "spring.neo4j.authentication.password (NEO4J_PASSWORD) must have at least 8 characters");
        }
        if (alreadySet(password)) {
            return;
        }
        try {
            system.executeTransactionally(
                    "ALTER USER neo4j SET PLAINTEXT PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
        } catch (RuntimeException refused) {
            // Neo4j refuses to "change" a password to the one it already has: then there is nothing to do.
            if (!String.valueOf(refused.getMessage()).contains("cannot be the same")) {
                throw refused;
            }
        }
    }

    /**
     * Whether the user already has this password, read from the system graph without Cypher: the first Cypher
     * statement of a new JVM costs seconds, which every start after the first would otherwise pay here. The format is
     * Neo4j's own; should it change, the answer is "no" and the password is simply set again.
     */
    private boolean alreadySet(String password) {
        try (Transaction tx = system.beginTx()) {
            Node user = tx.findNode(Label.label("User"), "name", "neo4j");
            return user != null
                    && Boolean.FALSE.equals(user.getProperty("passwordChangeRequired", Boolean.TRUE))
                    && user.getProperty("credentials", null) instanceof String credentials
                    && SystemGraphCredential.deserialize(credentials, new SecureHasher())
                            .matchesPassword(password.getBytes(StandardCharsets.UTF_8));
        } catch (Exception unreadable) {
            log.debug("Could not compare the neo4j user's password; setting it", unreadable);
            return false;
        }
    }
}
