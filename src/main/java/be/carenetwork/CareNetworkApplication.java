package be.carenetwork;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The neighbourhood care network directory: who can help whom in a neighbourhood, as a Neo4j graph.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CareNetworkApplication {

    public static void main(String[] args) {
        SpringApplication.run(CareNetworkApplication.class, args);
    }
}
