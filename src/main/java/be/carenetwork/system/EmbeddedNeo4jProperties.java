package be.carenetwork.system;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The in-process Neo4j server started when no {@code NEO4J_URI} is configured.
 *
 * @param dataDir where the database lives; it survives restarts
 * @param boltPort the Bolt port on localhost for the application and for analysts' own tools (0 picks a free one)
 * @param pageCache memory for cached store pages; explicit, because Neo4j would otherwise guess from the machine's RAM
 * @param transactionTimeout the longest any transaction may run: long enough for a whole-file import or the demo on a
 *                           slow machine; queries from analysts and the API have their own, shorter time-outs
 */
@ConfigurationProperties("care.neo4j.embedded")
public record EmbeddedNeo4jProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("7687") int boltPort,
        @DefaultValue("256MB") DataSize pageCache,
        @DefaultValue("10m") Duration transactionTimeout) {
}
