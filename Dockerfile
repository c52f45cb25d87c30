# Runtime image of pks-orchestrator; build the jar first: ./mvnw -DskipTests package
FROM eclipse-temurin:17-jre
RUN useradd --system --uid 1001 pkso && mkdir /app && chown pkso /app \
    && apt-get update && apt-get install -y --no-install-recommends wget && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY target/pks-orchestrator.jar /app/pks-orchestrator.jar
# JVM settings for 2 cores and 1 GB (README "Memory"); replace the file (a mount) to size it for another node
COPY deploy/jvm.options /app/jvm.options
ENV MALLOC_ARENA_MAX=2
USER pkso
EXPOSE 8080
ENTRYPOINT ["java", "@/app/jvm.options", "-jar", "/app/pks-orchestrator.jar"]
