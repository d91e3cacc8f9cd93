package be.carenetwork.analyst;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.StampedLock;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

import inet.ipaddr.IPAddressString;
import org.jspecify.annotations.Nullable;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.internal.kernel.api.connectioninfo.ClientConnectionInfo;
import org.neo4j.internal.kernel.api.security.SecurityContext;
import org.neo4j.internal.kernel.api.security.StaticAccessMode;
import org.neo4j.kernel.api.KernelTransaction;
import org.neo4j.kernel.impl.coreapi.InternalTransaction;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.neo4j.monitoring.Monitors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The analyst graph: a second Neo4j in this JVM, read-only, holding the pseudonymised snapshot of the main graph,
 * with its own Bolt port and its own single account for analysts' tools.
 * <p>
 * Community Edition has no roles, so read-only is enforced by the store, not by a privilege: the served database
 * is started with every database read-only, and it is never writable while analysts can reach it. A refresh builds
 * the next copy in a new folder with a separate, Bolt-less, writable instance, stops that, then stops the served
 * instance and starts the new copy read-only in its place: analysts are cut off for the length of one stop and one
 * start (measured in docs/analysts.md), and their drivers reconnect. The system database cannot be made read-only,
 * so the accounts are put back as configured every 30 s ({@link #guardAccounts()}) and on every refresh.
 */
final class AnalystGraph implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AnalystGraph.class);
    private static final String DATABASE = GraphDatabaseSettings.DEFAULT_DATABASE_NAME;
    private static final SecurityContext READ_ONLY = SecurityContext.authDisabled(StaticAccessMode.READ,
            ClientConnectionInfo.EMBEDDED_CONNECTION, DATABASE);
    /** Procedures analysts' tools may call: schema and full-text reads, what Neo4j Browser asks for at connection. */
    static final List<String> PROCEDURES = List.of("db.labels", "db.relationshipTypes", "db.propertyKeys",
            "db.schema.visualization", "db.schema.nodeTypeProperties", "db.schema.relTypeProperties",
            "db.index.fulltext.queryNodes", "db.index.fulltext.queryRelationships", "db.ping", "dbms.components",
            "dbms.showCurrentUser", "dbms.routing.getRoutingTable", "dbms.clientConfig", "db.info");

    static final int DENSE_NODE_THRESHOLD = 10;

    private final AnalystProperties properties;
    private final AnalystGraphBuilder builder;
    private final @Nullable LongSupplier mainTransactionId;
    private final boolean enabled;
    private final int boltPortWanted;
    private final StampedLock swapping = new StampedLock();
    /**
     * Guards who owns the served copy, held only for an assignment: the stop must not wait on the refresh's monitor,
     * which is held for a whole copy (over 30 s on a slow machine: that stop was killed in CI).
     */
    private final Object handover = new Object();
    private @Nullable ScheduledExecutorService scheduler;
    private volatile @Nullable Served served;
    private volatile @Nullable String lastFailure;
    private int generation;
    /** Set when the application stops: a refresh still running then serves nothing and stops what it started. */
    private volatile boolean stopping;

    /** The served copy and what is known about it. */
    record Served(DatabaseManagementService service, Path home, int boltPort, Instant refreshedAt,
                  Map<SnapshotKind, Long> counts, long buildMillis, long swapMillis, long mainTransactionId,
                  Map<String, Long> phases) {
    }

    /** What the analyst page and the status endpoint show. */
    record Status(boolean enabled, boolean ready, @Nullable Instant refreshedAt, @Nullable URI boltUri, String username,
                  Map<SnapshotKind, Long> counts, long buildMillis, long swapMillis, Map<String, Long> phases,
                  Duration refreshInterval, @Nullable String lastFailure) {
    }

    AnalystGraph(AnalystProperties properties, AnalystGraphBuilder builder, @Nullable LongSupplier mainTransactionId,
                 boolean enabled, int boltPort) {
        this.properties = properties;
        this.boltPortWanted = boltPort;
        this.builder = builder;
        this.mainTransactionId = mainTransactionId;
        this.enabled = enabled;
    }

    boolean enabled() {
        return enabled;
    }

    Status status() {
        Served now = served;
        return new Status(enabled, now != null, now == null ? null : now.refreshedAt(),
                now == null || !properties.boltEnabled() ? null
                        : URI.create("bolt://" + properties.boltAddress() + ":" + now.boltPort()),
                properties.username(), now == null ? Map.of() : now.counts(), now == null ? 0 : now.buildMillis(),
                now == null ? 0 : now.swapMillis(), now == null ? Map.of() : now.phases(), properties.refreshInterval(),
                lastFailure);
    }

    /** The Bolt port analysts connect to, once the first copy is served. */
    OptionalLong boltPort() {
        Served now = served;
        return now == null || !properties.boltEnabled() ? OptionalLong.empty() : OptionalLong.of(now.boltPort());
    }

    // ---------------------------------------------------------------------------------------------- reading

    /**
     * A read-only transaction on the served copy, with a time-out. Holds the copy in place until closed (a refresh
     * waits for it, at most the query time-out); close it from any thread.
     */
    Lease lease(Duration timeout) {
        long stamp;
        try {
            stamp = swapping.tryReadLock(timeout.toMillis() + 10_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotReadyException("Interrupted while the analyst graph was being replaced");
        }
        if (stamp == 0) {
            throw new NotReadyException("The analyst graph is being replaced by a fresh copy; try again in a few seconds");
        }
        Served now = served;
        if (now == null) {
            swapping.unlockRead(stamp);
            throw new NotReadyException(enabled ? "The analyst graph is being built from the main graph; try again in a minute"
                    : "The analyst graph is off (care.analyst.graph)");
        }
        try {
            GraphDatabaseAPI db = (GraphDatabaseAPI) now.service().database(DATABASE);
            InternalTransaction tx = db.beginTransaction(KernelTransaction.Type.EXPLICIT, READ_ONLY,
                    ClientConnectionInfo.EMBEDDED_CONNECTION, timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new Lease(tx, stamp, now.refreshedAt());
        } catch (RuntimeException e) {
            swapping.unlockRead(stamp);
            throw e;
        }
    }

    /** A read transaction on the served copy; {@link #close()} ends it and lets a refresh proceed. */
    final class Lease implements AutoCloseable {
        private final InternalTransaction tx;
        private final long stamp;
        private final Instant refreshedAt;
        private boolean closed;

        private Lease(InternalTransaction tx, long stamp, Instant refreshedAt) {
            this.tx = tx;
            this.stamp = stamp;
            this.refreshedAt = refreshedAt;
        }

        InternalTransaction tx() {
            return tx;
        }

        Instant refreshedAt() {
            return refreshedAt;
        }

        @Override
        public synchronized void close() {
            if (closed) {
                return;
            }
            closed = true;
            try {
                tx.close();
            } finally {
                swapping.unlockRead(stamp);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------- refreshing

    /**
     * Builds a fresh copy from the main graph and serves it, unless {@code force} is false and the main graph has not
     * changed since the served copy was built. Returns whether a new copy is served.
     */
    synchronized boolean refresh(boolean force) {
        if (!enabled) {
            return false;
        }
        Served current = served;
        long mainTx = mainTransactionId == null ? -1 : mainTransactionId.getAsLong();
        if (!force && current != null && mainTx >= 0 && mainTx == current.mainTransactionId()) {
            guardAccounts();
            return false;
        }
        long started = System.nanoTime();
        Path home = properties.dataDir().toAbsolutePath().normalize().resolve("graph-" + (++generation));
        deleteFolder(home);
        Map<SnapshotKind, Long> counts;
        Map<String, Long> phases = new java.util.LinkedHashMap<>();
        DatabaseManagementService staging = start(home, false);
        phases.put("stagingStartMillis", (System.nanoTime() - started) / 1_000_000);
        try {
            long copying = System.nanoTime();
            counts = builder.build(staging.database(DATABASE), phases, () -> stopping);
            setUpAccounts(staging.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME));
            phases.put("copyAndIndexMillis", (System.nanoTime() - copying) / 1_000_000);
        } finally {
            long stagingStop = System.nanoTime();
            staging.shutdown();
            phases.put("stagingStopMillis", (System.nanoTime() - stagingStop) / 1_000_000);
        }
        if (stopping) {
            return false;
        }
        long built = System.nanoTime();
        long stamp = 0;
        try {
            stamp = swapping.tryWriteLock(properties.queryTimeout().toMillis() + 5_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long swapStarted = System.nanoTime();
        Served next;
        try {
            // From here this refresh owns the current copy (no lease can see the gap: the write lock is held), and a
            // stop that comes now finds nothing to stop: what this refresh starts, it stops itself.
            synchronized (handover) {
                if (stopping) {
                    return false;
                }
                served = null;
            }
            if (current != null) {
                current.service().shutdown();
            }
            long starting = System.nanoTime();
            DatabaseManagementService service = start(home, true);
            phases.put("servedStartMillis", (System.nanoTime() - starting) / 1_000_000);
            next = new Served(service, home, boltPort(service), Instant.now(), counts,
                    (built - started) / 1_000_000, (System.nanoTime() - swapStarted) / 1_000_000, mainTx,
                    java.util.Collections.unmodifiableMap(phases));
            watchBolt(service);
            synchronized (handover) {
                if (!stopping) {
                    served = next;
                }
            }
            if (served != next) {
                service.shutdown();
                deleteFolder(home);
                return false;
            }
        } finally {
            if (stamp != 0) {
                swapping.unlockWrite(stamp);
            }
        }
        if (current != null) {
            deleteFolder(current.home());
        }
        lastFailure = null;
        log.info("Analyst graph refreshed: built in {} ms, analysts cut off for {} ms ({}); {}; Bolt {}", next.buildMillis(),
                next.swapMillis(), phases, counts, properties.boltEnabled() ? "on port " + next.boltPort() : "off");
        return true;
    }

    private DatabaseManagementService start(Path home, boolean served) {
        long queryMemory = properties.queryMemory().toBytes();
        DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(home)
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(GraphDatabaseSettings.pagecache_memory, properties.pageCache().toBytes())
                .setConfig(GraphDatabaseSettings.transaction_timeout, properties.queryTimeout())
                .setConfig(GraphDatabaseSettings.memory_transaction_max_size, queryMemory)
                .setConfig(GraphDatabaseSettings.memory_transaction_global_max_size, queryMemory * 2)
                // No file for LOAD CSV to read, and no address for it to reach: not on this machine, not anywhere.
                .setConfig(GraphDatabaseSettings.allow_file_urls, false)
                .setConfig(GraphDatabaseInternalSettings.cypher_ip_blocklist,
                        List.of(new IPAddressString("0.0.0.0/0"), new IPAddressString("::/0")))
                .setConfig(GraphDatabaseSettings.procedure_allowlist, PROCEDURES)
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, Duration.ZERO)
                // Analysts' queries read many actors' links of one type (their neighbourhood, their offers among their
                // KNOWS and REFERS_TO): grouping the relationships of any node with more than a few by type makes each
                // such read touch that type only. Only written stores are affected: the staging copy.
                .setConfig(GraphDatabaseSettings.dense_node_threshold, DENSE_NODE_THRESHOLD)
                .setConfig(GraphDatabaseSettings.read_only_database_default, served);
        if (served && properties.boltEnabled()) {
            builder.setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, new SocketAddress(properties.boltAddress(), boltPortWanted))
                    .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                    .setConfig(BoltConnector.thread_pool_max_size, 32);
        } else {
            builder.setConfig(BoltConnector.enabled, false);
        }
        return builder.build();
    }

    private static int boltPort(DatabaseManagementService service) {
        GraphDatabaseAPI system = (GraphDatabaseAPI) service.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        var address = system.getDependencyResolver().resolveDependency(ConnectorPortRegister.class)
                .getLocalAddress(ConnectorType.BOLT);
        return address == null ? -1 : address.getPort();
    }

    private static void watchBolt(DatabaseManagementService service) {
        for (String name : List.of(DATABASE, GraphDatabaseSettings.SYSTEM_DATABASE_NAME)) {
            ((GraphDatabaseAPI) service.database(name)).getDependencyResolver().resolveDependency(Monitors.class)
                    .addMonitorListener(AnalystAudit.boltMonitor());
        }
    }

    /** The one analyst account, and no other: Neo4j's own {@code neo4j} account is dropped. */
    private void setUpAccounts(GraphDatabaseService system) {
        system.executeTransactionally("CREATE USER $name SET PLAINTEXT PASSWORD $password CHANGE NOT REQUIRED",
                Map.of("name", properties.username(), "password", properties.password()));
        if (!properties.username().equals("neo4j")) {
            system.executeTransactionally("DROP USER neo4j IF EXISTS");
        }
    }

    /**
     * Puts the accounts back as configured: in Community every account may manage accounts, so an analyst could
     * change the shared password or add an account. Both are undone here.
     */
    synchronized void guardAccounts() {
        Served now = served;
        if (now == null) {
            return;
        }
        try {
            GraphDatabaseService system = now.service().database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
            List<String> others = system.executeTransactionally("SHOW USERS YIELD user RETURN user", Map.of(),
                    result -> result.stream().map(row -> (String) row.get("user"))
                            .filter(user -> !user.equals(properties.username())).toList());
            for (String user : others) {
                AnalystAudit.LOG.warn("user={} via=guard outcome=dropped reason=\"an account nobody configured\"", user);
                system.executeTransactionally("DROP USER $name", Map.of("name", user));
            }
            try {
                system.executeTransactionally("ALTER USER $name SET PLAINTEXT PASSWORD $password CHANGE NOT REQUIRED",
                        Map.of("name", properties.username(), "password", properties.password()));
                AnalystAudit.LOG.warn("user={} via=guard outcome=reset reason=\"the password was changed over Bolt\"",
                        properties.username());
            } catch (RuntimeException same) {
                // Neo4j refuses to set the password it already has: nothing was changed.
                if (!String.valueOf(same.getMessage()).contains("cannot be the same")) {
                    throw same;
                }
            }
        } catch (RuntimeException e) {
            log.warn("Could not check the analyst graph's accounts: {}", e.getMessage());
        }
    }

    /** Builds a fresh copy soon, in the background, whether or not the main graph changed. */
    boolean requestRefresh() {
        ScheduledExecutorService running = scheduler;
        if (!enabled || running == null || running.isShutdown()) {
            return false;
        }
        running.execute(() -> tick(true));
        return true;
    }

    private void tick(boolean force) {
        try {
            refresh(force);
        } catch (RuntimeException e) {
            ScheduledExecutorService running = scheduler;
            if (running == null || running.isShutdown()) {
                // The application is stopping and interrupted the copy being built: nothing went wrong.
                log.info("The analyst graph's refresh was cut short by the application's stop");
                return;
            }
            lastFailure = e.getMessage();
            log.error("Could not refresh the analyst graph; the previous copy stays in use", e);
        }
    }

    // ---------------------------------------------------------------------------------------------- lifecycle

    @Override
    public void start() {
        if (!enabled) {
            return;
        }
        stopping = false;
        Path dataDir = properties.dataDir().toAbsolutePath().normalize();
        try (Stream<Path> old = Files.exists(dataDir) ? Files.list(dataDir) : Stream.empty()) {
            old.filter(path -> path.getFileName().toString().startsWith("graph-")).forEach(AnalystGraph::deleteFolder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("analyst-graph").factory());
        long every = properties.refreshInterval().toMillis();
        if (every > 0) {
            scheduler.scheduleWithFixedDelay(() -> tick(false), 0, every, TimeUnit.MILLISECONDS);
        } else {
            log.info("care.analyst.refresh-interval is 0: the analyst graph is built only when asked (POST /api/analyst/refresh)");
        }
        scheduler.scheduleWithFixedDelay(this::guardAccounts, 30, 30, TimeUnit.SECONDS);
    }

    @Override
    public void stop() {
        stopping = true;
        ScheduledExecutorService running = scheduler;
        if (running != null) {
            running.shutdownNow();
            try {
                // A copy being built need not be waited for (a Neo4j start does not heed interrupts): it notices
                // 'stopping', stops what it started, and its folder is deleted at the next start. Half a second
                // lets a copy that was only reading the main graph end cleanly; the stop must stay within seconds.
                running.awaitTermination(500, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Served now;
        synchronized (handover) {
            now = served;
            served = null;
        }
        if (now != null) {
            now.service().shutdown();
            deleteFolder(now.home());
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null && !scheduler.isShutdown();
    }

    private static void deleteFolder(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            log.warn("Could not delete {}: {}", folder, e.getMessage());
        }
    }

    /** A 503: the analyst graph is not there yet, or is being replaced. */
    static final class NotReadyException extends RuntimeException {
        NotReadyException(String message) {
            super(message);
        }
    }
}
