# syntax=docker/dockerfile:1
# One image for every worker: docker build -t newswatch . ; the command picks the worker.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
# Dependencies are kept in a cache between builds; only the runnable jar and the modules it needs are built.
RUN --mount=type=cache,target=/root/.m2 mvn -B -q -DskipTests -pl app -am package

FROM eclipse-temurin:17-jre
# curl for the health checks in docker-compose.yml; a user of its own to run as.
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /app newswatch \
    && mkdir -p /var/lib/newswatch && chown newswatch /var/lib/newswatch
WORKDIR /app
COPY --from=build /src/app/target/newswatch.jar /app/newswatch.jar
USER newswatch
# Heap as a share of the container's memory, the rest left to RocksDB and the page cache; few malloc arenas keep
# RocksDB's native memory from spreading over one arena per thread. Metrics and health on 9400.
ENV MALLOC_ARENA_MAX=2 NEWSWATCH_OPS_PORT=9400
EXPOSE 9400
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=50", "-XX:+UseParallelGC", "-jar", "/app/newswatch.jar"]
