package be.carenetwork.system;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/** True when no external Neo4j is configured, so the embedded default applies. */
public final class NoExternalNeo4j implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return in(context.getEnvironment());
    }

    public static boolean in(Environment environment) {
        return !StringUtils.hasText(environment.getProperty("spring.neo4j.uri"));
    }
}
