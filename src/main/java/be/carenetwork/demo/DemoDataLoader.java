package be.carenetwork.demo;

import java.util.List;

import be.carenetwork.system.NoExternalNeo4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import be.carenetwork.system.GraphReady;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the demo network once, in one transaction, before the web server opens: on the embedded default's first
 * start ({@code care.demo.data=auto}), or wherever {@code always} says. A {@code :DataLoad {name: 'demo'}} node
 * records that it was loaded, so deleting the demo data does not bring it back.
 */
@Component
class DemoDataLoader {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    private final DemoDataProperties properties;
    private final Environment environment;
    private final Neo4jClient neo4j;
    private final TransactionTemplate transaction;
    private final DemoNetwork network;
    private final List<DemoDataContributor> contributors;

    DemoDataLoader(DemoDataProperties properties, Environment environment, Neo4jClient neo4j,
                   TransactionTemplate transaction, DemoNetwork network, List<DemoDataContributor> contributors) {
        this.properties = properties;
        this.environment = environment;
        this.neo4j = neo4j;
        this.transaction = transaction;
        this.network = network;
        this.contributors = contributors;
    }

    @EventListener(GraphReady.class)
    @Order(10)
    void load() {
        if (!wanted() || alreadyLoaded()) {
            return;
        }
        long started = System.nanoTime();
        transaction.executeWithoutResult(status -> {
            DemoGraph graph = network.generate();
            contributors.forEach(contributor -> contributor.contribute(graph));
            neo4j.query("CREATE (:DataLoad {name: 'demo', loadedAt: datetime()})").run();
        });
        log.info("Loaded the demo network (Jette, fictional) in {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    private boolean wanted() {
        return switch (properties.data()) {
            case ALWAYS -> true;
            case NEVER -> false;
            case AUTO -> NoExternalNeo4j.in(environment);
        };
    }

    private boolean alreadyLoaded() {
        return neo4j.query("MATCH (d:DataLoad {name: 'demo'}) RETURN count(d) > 0").fetchAs(Boolean.class).one().orElse(false);
    }
}
