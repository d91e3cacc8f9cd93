# The application image used by docker-compose.yml. Build the jar first: mvn -DskipTests package
FROM eclipse-temurin:25-jre
WORKDIR /app
COPY target/care-network-directory-*.jar /app/app.jar
EXPOSE 8080
# NEO4J_URI is set by docker-compose: no embedded Neo4j starts in the container.
ENTRYPOINT ["java", "-Xmx1g", "-jar", "/app/app.jar"]
