# The application image used by docker-compose.yml. Build first: mvn -DskipTests package (fills target/app).
FROM eclipse-temurin:25-jre
WORKDIR /app
COPY target/app/lib /app/lib
COPY target/app/care-network.jar /app/care-network.jar
# A training start makes the JDK's AOT cache for this image's own JVM (the one made by the build may come from another
# JDK build and would be refused): embedded Neo4j in a scratch folder, no demo, stops once started. Halves the start.
RUN java -Xmx1g -XX:AOTCacheOutput=care-network.aot -Xlog:aot*=error,cds*=error -Dspring.context.exit=onRefresh \
        -jar care-network.jar --server.port=0 --care.neo4j.embedded.bolt-port=0 \
        --care.neo4j.embedded.data-dir=/tmp/aot-training --care.demo.data=never --care.analyst.graph=off \
        --logging.level.root=warn \
    && rm -rf /tmp/aot-training
EXPOSE 8080
# NEO4J_URI is set by docker-compose: no embedded Neo4j starts in the container.
ENTRYPOINT ["java", "-Xmx1g", "-XX:AOTCache=care-network.aot", "-Xlog:aot*=error,cds*=error", "-jar", "care-network.jar"]
