package be.carenetwork.system;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the embedded server as soon as the configuration is known, before Spring has read a single bean definition,
 * so that Neo4j's start (the longest part of ours) runs beside all of Spring's rather than after half of it. The
 * launcher becomes the bean {@value #BEAN}; closing the context, or a failed start of it, stops the server.
 * Registered in {@code META-INF/spring.factories}; does nothing when an external Neo4j is configured.
 */
public final class EmbeddedNeo4jEarlyStart implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final String BEAN = "embeddedNeo4jLauncher";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (!NoExternalNeo4j.in(context.getEnvironment())
                || !(context.getBeanFactory() instanceof DefaultListableBeanFactory beans)) {
            return;
        }
        Binder binder = Binder.get(context.getEnvironment());
        EmbeddedNeo4jProperties properties = binder.bindOrCreate("care.neo4j.embedded", EmbeddedNeo4jProperties.class);
        // An empty password is refused by the server's start with a message naming the setting.
        String password = binder.bind("spring.neo4j.authentication.password", String.class).orElse("");
        EmbeddedNeo4jLauncher launcher = new EmbeddedNeo4jLauncher(properties, password);
        beans.registerSingleton(BEAN, launcher);
        // Registered singletons are not destroyed by themselves: say how, so that a context that fails to start
        // does not leave Neo4j running in a JVM that would then never exit.
        beans.registerDisposableBean(BEAN, launcher::close);
    }
}
