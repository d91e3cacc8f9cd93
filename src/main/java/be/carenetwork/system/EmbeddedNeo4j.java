package be.carenetwork.system;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Neo4j Community running inside this JVM, with Bolt on localhost and authentication on.
 * <p>
 * Not the test harness: that one deletes its folder when it closes, and this one must keep the data.
 */
public final class EmbeddedNeo4j implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedNeo4j.class);

    private final DatabaseManagementService service;
    private final Path home;
    private final int boltPort;

    private EmbeddedNeo4j(DatabaseManagementService service, Path home, int boltPort) {
        this.service = service;
        this.home = home;
        this.boltPort = boltPort;
    }

    /**
     * Starts the server and makes sure the {@code neo4j} user has the given password.
     */
    public static EmbeddedNeo4j start(EmbeddedNeo4jProperties properties, String password) {
        Path home = properties.dataDir().toAbsolutePath().normalize();
        long started = System.nanoTime();
        DatabaseManagementService service = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("localhost", properties.boltPort()))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(GraphDatabaseSettings.pagecache_memory, properties.pageCache().toBytes())
                .setConfig(GraphDatabaseSettings.transaction_timeout, properties.transactionTimeout())
                // Without this, any read-only query could read any file on this machine with LOAD CSV.
                .setConfig(GraphDatabaseSettings.allow_file_urls, false)
                // Neo4j would otherwise send usage data about this care network's server to Neo4j, Inc.
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                // Netty would otherwise wait about 12 s for late requests on every stop.
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, Duration.ZERO)
                .build();
        EmbeddedNeo4j neo4j = new EmbeddedNeo4j(service, home, actualBoltPort(service));
        Runtime.getRuntime().addShutdownHook(new Thread(neo4j::close, "embedded-neo4j-shutdown"));
        new BoltPassword(service.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME)).ensure(password);
        log.info("Embedded Neo4j started in {} ms: data in {}, Bolt on {}",
                Duration.ofNanos(System.nanoTime() - started).toMillis(), home, neo4j.boltUri());
        return neo4j;
    }

    private static int actualBoltPort(DatabaseManagementService service) {
        GraphDatabaseAPI system = (GraphDatabaseAPI) service.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        return system.getDependencyResolver()
                .resolveDependency(ConnectorPortRegister.class)
                .getLocalAddress(ConnectorType.BOLT)
                .getPort();
    }

    public URI boltUri() {
        return URI.create("bolt://localhost:" + boltPort);
    }

    public Path home() {
        return home;
    }

    /** The default database, for in-process work that must not go over Bolt (tests, benchmarks). */
    public GraphDatabaseService database() {
        return service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
    }

    @Override
    public synchronized void close() {
        try {
            service.shutdown();
        } catch (RuntimeException alreadyStopped) {
            log.debug("Embedded Neo4j was already stopped", alreadyStopped);
        }
    }
}
