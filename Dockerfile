# Runtime image of pks-orchestrator; build the jar first: ./mvnw -DskipTests package
FROM eclipse-temurin:17-jre
RUN useradd --system --uid 1001 pkso && mkdir /app && chown pkso /app \
    && apt-get update && apt-get install -y --no-install-recommends wget && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY target/pks-orchestrator.jar /app/pks-orchestrator.jar
USER pkso
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/pks-orchestrator.jar"]
