package io.newswatch.app.cli;

import io.newswatch.app.notify.NotifyConfig;
import io.newswatch.app.notify.NotifyWorker;
import io.newswatch.sink.SinkConfig;
import io.newswatch.sink.db.Database;
import java.time.Clock;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "notify", mixinStandardHelpOptions = true,
        description = "Deliver the alerts on the desk topics to each desk's channels (notify.channels.file): a "
                + "signed JSON webhook and a Slack-compatible chat message, each alert version once per channel, "
                + "retried with back-off, dead-lettered when a channel keeps failing. Remembers deliveries in the "
                + "sink's database (sink.jdbc.url). Stop with SIGTERM.")
public final class NotifyCommand implements Callable<Integer> {
    @Mixin
    WorkerOptions options;

    @Override
    public Integer call() throws Exception {
        Map<String, String> values = options.values(Map.of());
        NotifyConfig config = new NotifyConfig(values);
        SinkConfig sink = new SinkConfig(values);
        var channels = config.channels(System.getenv());
        new Database(sink.jdbcUrl(), sink.jdbcUser(), sink.jdbcPassword()).close(); // migrates the ledger's table
        Properties credentials = sink.jdbcCredentials();
        try (NotifyWorker worker = new NotifyWorker(config, channels,
                NotifyWorker.ledger(sink.jdbcUrl(), credentials, config.updateEvery()), Clock.systemUTC())) {
            Shutdown shutdown = Shutdown.onSignal(worker::stop);
            try {
                System.out.println("notify: delivering to " + channels.size() + " channel(s); stop with SIGTERM");
                worker.run();
                System.out.println("notify: stopped; " + worker.sent() + " sent, " + worker.deadLettered()
                        + " dead-lettered");
            } finally {
                shutdown.done();
            }
        }
        return 0;
    }
}
