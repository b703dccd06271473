package io.newswatch.app.cli;

import io.newswatch.app.serve.AlertQueries;
import io.newswatch.app.serve.ConsoleServer;
import io.newswatch.app.serve.ServeConfig;
import io.newswatch.sink.SinkConfig;
import io.newswatch.sink.db.Database;
import java.time.Clock;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the desk console (a live page of alerts) and the dashboard API over the database the "
                + "sink writes (sink.jdbc.url), on serve.host:serve.port (127.0.0.1:8080). API: GET /api/alerts, "
                + "GET /api/alerts/{id}, POST /api/alerts/{id}/ack, GET /api/counts, GET /api/alerts/stream (SSE); "
                + "see docs/openapi.yaml. Stop with SIGTERM.")
public final class ServeCommand implements Callable<Integer> {
    @Mixin
    WorkerOptions options;

    @Override
    public Integer call() throws Exception {
        Map<String, String> values = options.values(Map.of());
        SinkConfig sink = new SinkConfig(values);
        ServeConfig config = new ServeConfig(values);
        // Brings the schema up to date (the console's own tables included) before anything reads it.
        new Database(sink.jdbcUrl(), sink.jdbcUser(), sink.jdbcPassword()).close();
        Properties credentials = sink.jdbcCredentials();
        CountDownLatch stop = new CountDownLatch(1);
        try (ConsoleServer server = new ConsoleServer(new AlertQueries(sink.jdbcUrl(), credentials),
                config.deskByToken(), config.host(), config.port(), Clock.systemUTC())) {
            Shutdown shutdown = Shutdown.onSignal(stop::countDown);
            try {
                System.out.println("serve: console at http://" + config.host() + ":" + server.port() + "/ over "
                        + sink.jdbcUrl() + "; stop with SIGTERM");
                stop.await();
                System.out.println("serve: stopped");
            } finally {
                shutdown.done();
            }
        }
        return 0;
    }
}
