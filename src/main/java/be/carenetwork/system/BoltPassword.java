package be.carenetwork.system;

import java.util.Map;

import org.neo4j.graphdb.GraphDatabaseService;

/**
 * Keeps the embedded server's {@code neo4j} user on the configured password.
 * <p>
 * In-process access to the system database bypasses authentication, so the password can be set
 * without knowing the previous one: on the first start (when Neo4j still asks for a new password)
 * and whenever the configured password was changed since.
 */
final class BoltPassword {

    private final GraphDatabaseService system;

    BoltPassword(GraphDatabaseService system) {
        this.system = system;
    }

    void ensure(String password) {
        if (password.length() < 8) {
            throw new IllegalStateException(
                    "spring.neo4j.authentication.password (NEO4J_PASSWORD) must have at least 8 characters");
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
}
