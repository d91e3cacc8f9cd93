package be.carenetwork.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.data.neo4j.core.DatabaseSelectionProvider;
import org.springframework.stereotype.Component;

/**
 * Applies the versioned Cypher files in {@code cypher/} (packaged at {@code classpath:cypher/}) at start,
 * before the web server opens, each file in one transaction, and records each as a {@code :Migration} node;
 * then announces {@link GraphReady}.
 * <p>
 * A small runner of our own rather than neo4j-migrations: its class-path scan alone added 6-9 s to start-up
 * here, against a budget of 2 s for the whole schema step. The file conventions are the same, so moving to
 * it later is a dependency change.
 */
@Component
public class SchemaMigrations implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(SchemaMigrations.class);

    private final Driver driver;
    private final DatabaseSelectionProvider database;
    private final ObjectProvider<EmbeddedNeo4jLauncher> embedded;
    private final ApplicationEventPublisher events;

    SchemaMigrations(Driver driver, DatabaseSelectionProvider database, ObjectProvider<EmbeddedNeo4jLauncher> embedded,
                     ApplicationEventPublisher events) {
        this.driver = driver;
        this.database = database;
        this.embedded = embedded;
        this.events = events;
    }

    /** After every bean exists (the embedded server started meanwhile), before the web server opens. */
    @Override
    public void afterSingletonsInstantiated() {
        embedded.ifAvailable(EmbeddedNeo4jLauncher::get);
        apply();
        events.publishEvent(new GraphReady());
    }

    /** Applies the migrations not applied yet; fails on an applied file that was edited. */
    public void apply() {
        long started = System.nanoTime();
        List<Migration> migrations = load();
        int applied = 0;
        try (Session session = session()) {
            session.run("CREATE CONSTRAINT migration_version IF NOT EXISTS FOR (m:Migration) REQUIRE m.version IS UNIQUE").consume();
            for (Migration migration : migrations) {
                Optional<String> recorded = recordedChecksum(session, migration.version());
                if (recorded.isEmpty()) {
                    apply(session, migration);
                    applied++;
                } else if (!recorded.get().equals(migration.checksum())) {
                    throw new IllegalStateException("Migration V%04d (%s) was changed after it was applied. Applied migrations are never edited: revert the change and add a new migration."
                            .formatted(migration.version(), migration.description()));
                }
            }
        }
        log.info("Schema: {} migrations, {} applied now, in {} ms", migrations.size(), applied,
                (System.nanoTime() - started) / 1_000_000);
    }

    private Session session() {
        String name = database.getDatabaseSelection().getValue();
        return driver.session(name == null ? SessionConfig.defaultConfig() : SessionConfig.forDatabase(name));
    }

    private static Optional<String> recordedChecksum(Session session, int version) {
        var records = session.run("MATCH (m:Migration {version: $version}) RETURN m.checksum AS checksum",
                Map.of("version", version)).list();
        return records.stream().findFirst().map(r -> r.get("checksum").asString());
    }

    private static void apply(Session session, Migration migration) {
        // Schema and data cannot share a transaction in Neo4j, so the record is written just after the file.
        session.executeWriteWithoutResult(tx -> migration.statements().forEach(statement -> tx.run(statement).consume()));
        session.executeWriteWithoutResult(tx -> tx.run("""
                CREATE (:Migration {version: $version, description: $description, checksum: $checksum,
                                    appliedAt: datetime()})""",
                Map.of("version", migration.version(), "description", migration.description(),
                        "checksum", migration.checksum())).consume());
        log.info("Applied migration V{} {}", migration.version(), migration.description());
    }

    static List<Migration> load() {
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:cypher/V*__*.cypher");
            List<Migration> migrations = Arrays.stream(files)
                    .map(SchemaMigrations::read)
                    .sorted(Comparator.comparingInt(Migration::version))
                    .toList();
            for (int i = 1; i < migrations.size(); i++) {
                if (migrations.get(i).version() == migrations.get(i - 1).version()) {
                    throw new IllegalStateException("Two migrations have version " + migrations.get(i).version());
                }
            }
            return migrations;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Migration read(Resource file) {
        try {
            return Migration.parse(file.getFilename(), file.getContentAsString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
