package be.carenetwork.analyst;

import java.nio.file.Path;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The analysts' feature.
 *
 * @param graph AUTO: keep a pseudonymised, read-only analyst graph (a second embedded Neo4j) when the main graph is
 *              the embedded default, not with an external Neo4j; ON / OFF: force it either way. Without it, only
 *              the library queries run (on the main graph) and custom Cypher is refused.
 * @param dataDir where the analyst graph's stores live; rebuilt on every refresh, never backed up
 * @param boltEnabled whether analysts' own tools (cypher-shell, Neo4j Browser, drivers) may connect over Bolt
 * @param boltAddress the interface the analyst Bolt port listens on; {@code localhost} unless analysts connect
 *                    from other machines (then put TLS in front, see docs/analysts.md)
 * @param boltPort the analyst graph's Bolt port (0 picks a free one); empty: the embedded main graph's Bolt port + 1
 *                 (7688 beside 7687), or a free one when that is 0 (tests)
 * @param username the one Neo4j account of the analyst graph
 * @param password its password (at least 8 characters)
 * @param refreshInterval how often the analyst graph is rebuilt from the main graph (when the main graph changed); the
 *                        first copy is built at start. 0: never by itself, only when asked (POST /api/analyst/refresh)
 * @param pageCache page cache of the analyst graph
 * @param queryTimeout the longest an analyst query may run, over HTTP and over Bolt
 * @param queryMemory the most memory one analyst transaction may use, so a runaway query cannot starve the application
 * @param maxRows the row cap of a JSON answer
 * @param maxExportRows the row cap of a streamed CSV or GeoJSON answer
 * @param pseudonymKey the secret that derives stable pseudonyms for needs, capacities, matches and private actors;
 *                     empty: a random key kept in {@code dataDir/pseudonym.key}
 */
@ConfigurationProperties("care.analyst")
record AnalystProperties(
        @DefaultValue("AUTO") Mode graph,
        @DefaultValue("./data/analyst") Path dataDir,
        @DefaultValue("true") boolean boltEnabled,
        @DefaultValue("localhost") String boltAddress,
        @Nullable Integer boltPort,
        @DefaultValue("analyst") String username,
        @DefaultValue("analyst-demo") String password,
        @DefaultValue("5m") Duration refreshInterval,
        @DefaultValue("64MB") DataSize pageCache,
        @DefaultValue("30s") Duration queryTimeout,
        @DefaultValue("512MB") DataSize queryMemory,
        @DefaultValue("10000") int maxRows,
        @DefaultValue("1000000") int maxExportRows,
        @Nullable String pseudonymKey) {

    enum Mode { AUTO, ON, OFF }

    AnalystProperties {
        if (password.length() < 8) {
            throw new IllegalArgumentException("care.analyst.password (CARE_ANALYST_PASSWORD) must have at least 8 characters");
        }
        if (maxRows < 1 || maxExportRows < maxRows) {
            throw new IllegalArgumentException("care.analyst.max-rows must be at least 1 and at most care.analyst.max-export-rows");
        }
    }
}
