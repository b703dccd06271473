# One image for every worker: docker build -t newswatch . ; the command picks the worker.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /src/app/target/newswatch.jar /app/newswatch.jar
# Heap as a share of the container's memory, the rest left to RocksDB and the page cache; few malloc arenas keep
# RocksDB's native memory from spreading over one arena per thread.
ENV MALLOC_ARENA_MAX=2
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=50", "-XX:+UseParallelGC", "-jar", "/app/newswatch.jar"]
