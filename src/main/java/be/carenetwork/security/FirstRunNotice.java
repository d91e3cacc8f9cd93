package be.carenetwork.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import be.carenetwork.system.GraphReady;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * Says once, on the first start with default credentials, which demo users and which Bolt password are active,
 * so that a newcomer can sign in and nobody runs the defaults in production without having been told.
 * Later starts only warn in one line (see {@link SecurityConfiguration}).
 */
@Component
class FirstRunNotice {

    static final String DEFAULT_NEO4J_PASSWORD = "care-network-demo";
    private static final Logger log = LoggerFactory.getLogger(FirstRunNotice.class);

    private final CareSecurityProperties security;
    private final String neo4jPassword;
    private final String neo4jUri;
    private final Neo4jClient neo4j;

    FirstRunNotice(CareSecurityProperties security, @Value("${spring.neo4j.authentication.password:}") String neo4jPassword,
                   @Value("${spring.neo4j.uri:}") String neo4jUri, Neo4jClient neo4j) {
        this.security = security;
        this.neo4jPassword = neo4jPassword;
        this.neo4jUri = neo4jUri;
        this.neo4j = neo4j;
    }

    @EventListener(GraphReady.class)
    @Order(20)
    void tellOnce() {
        boolean demoUsers = security.users().isEmpty();
        boolean defaultBoltPassword = neo4jUri.isBlank() && DEFAULT_NEO4J_PASSWORD.equals(neo4jPassword);
        if (!demoUsers && !defaultBoltPassword) {
            return;
        }
        boolean told = neo4j.query("MERGE (n:DataLoad {name: 'first-run-notice'}) ON CREATE SET n.created = true "
                        + "WITH n, n.created IS NULL AS told REMOVE n.created RETURN told")
                .fetchAs(Boolean.class).one().orElse(true);
        if (told) {
            return;
        }
        StringBuilder notice = new StringBuilder("\n\n  First start with default credentials. Fine on a laptop, never in production.\n");
        if (demoUsers) {
            notice.append("  Sign in to the app with one of the demo users (care.security.users replaces them):\n");
            DemoUsers.USERS.forEach(u -> notice.append("    %-13s password %-18s role %s%n".formatted(u.username(), u.password(), u.role())));
        }
        if (defaultBoltPassword) {
            notice.append("  Bolt (cypher-shell, Neo4j Browser): user neo4j, password ").append(DEFAULT_NEO4J_PASSWORD)
                    .append(" (set NEO4J_PASSWORD to change it).\n");
        }
        log.warn(notice.toString());
    }
}
