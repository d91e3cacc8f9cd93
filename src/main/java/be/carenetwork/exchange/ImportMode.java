package be.carenetwork.exchange;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * When the application is started to run an import ({@code import ...} as the first argument), it must not serve or
 * print the banner: this sets that before the context is made. The web application context itself stays (features
 * configure web security and filters), but {@code server.port=-1} keeps the embedded server from listening, and the
 * analysts' copy of the graph is not made.
 * Registered in {@code META-INF/spring.factories}.
 */
public class ImportMode implements EnvironmentPostProcessor {

    static boolean isImport(String[] args) {
        return args.length > 0 && args[0].equals("import");
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String nonOptionArgs = environment.getProperty("nonOptionArgs");
        if (nonOptionArgs == null || !(nonOptionArgs.equals("import") || nonOptionArgs.startsWith("import,"))) {
            return;
        }
        environment.getPropertySources().addFirst(new MapPropertySource("careNetworkImportMode", Map.of(
                "server.port", "-1",
                // An import run serves nobody: no analyst copy of the graph either (docs/analysts.md).
                "care.analyst.graph", "off",
                "spring.main.banner-mode", "off",
                // The import prints its own progress and summary; the rest of the start-up need not.
                "logging.level.root", "error")));
    }
}
