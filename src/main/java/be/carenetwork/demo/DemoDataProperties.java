package be.carenetwork.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param data AUTO: load on the embedded default's first start, never into an external database;
 *             ALWAYS: load on first start wherever the graph is; NEVER
 */
@ConfigurationProperties("care.demo")
public record DemoDataProperties(@DefaultValue("AUTO") Mode data) {

    public enum Mode { AUTO, ALWAYS, NEVER }
}
