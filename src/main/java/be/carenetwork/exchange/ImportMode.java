package be.carenetwork.exchange;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * When the application is started to run an import ({@code import ...} as the first argument), it must not open a web
 * server or print the banner: this sets that before the context is made. Registered in {@code META-INF/spring.factories}.
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
                "spring.main.web-application-type", "none",
                "spring.main.banner-mode", "off",
                "logging.level.root", "warn",
                "logging.level.be.carenetwork", "warn")));
    }
}
