package be.carenetwork.analyst;

import be.carenetwork.system.GraphVersion;
import be.carenetwork.system.NoExternalNeo4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AnalystProperties.class)
class AnalystConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AnalystConfiguration.class);

    @Bean
    Pseudonyms analystPseudonyms(AnalystProperties properties) {
        String key = properties.pseudonymKey();
        return Pseudonyms.from(key == null ? "" : key, properties.dataDir().resolve("pseudonym.key"));
    }

    @Bean
    AnalystGraph analystGraph(AnalystProperties properties, PseudonymisedSnapshot snapshot, Environment environment,
                              GraphVersion version) {
        boolean enabled = switch (properties.graph()) {
            case ON -> true;
            case OFF -> false;
            case AUTO -> NoExternalNeo4j.in(environment);
        };
        if (enabled && properties.boltEnabled() && properties.password().equals("analyst-demo")) {
            log.warn("The analyst graph's Bolt account '{}' has the demo password given in the README: set "
                    + "CARE_ANALYST_PASSWORD before real use", properties.username());
        }
        return new AnalystGraph(properties, new AnalystGraphBuilder(snapshot),
                NoExternalNeo4j.in(environment) ? () -> version.current().orElse(-1) : null, enabled,
                boltPort(properties, environment));
    }

    /** The configured port, else the one after the embedded main graph's (7688 beside 7687; free one in tests). */
    static int boltPort(AnalystProperties properties, Environment environment) {
        Integer configured = properties.boltPort();
        if (configured != null) {
            return configured;
        }
        int main = environment.getProperty("care.neo4j.embedded.bolt-port", Integer.class, 7687);
        return main == 0 ? 0 : main + 1;
    }
}
