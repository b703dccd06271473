# One image for every worker: docker build -t newswatch . ; the command picks the worker.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /src/app/target/newswatch.jar /app/newswatch.jar
ENTRYPOINT ["java", "-jar", "/app/newswatch.jar"]
