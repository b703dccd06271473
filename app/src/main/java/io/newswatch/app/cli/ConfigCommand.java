package io.newswatch.app.cli;

import io.newswatch.enrich.EnrichConfig;
import io.newswatch.ingest.IngestConfig;
import io.newswatch.model.config.ConfigSource;
import io.newswatch.model.config.NewswatchConfig;
import io.newswatch.model.config.TopicAdmin;
import io.newswatch.model.topic.Topic;
import io.newswatch.model.topic.Topics;
import io.newswatch.sink.SinkConfig;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigDef;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "config", mixinStandardHelpOptions = true, subcommands = ConfigCommand.Check.class,
        description = "Work with a worker's configuration.")
public final class ConfigCommand implements Runnable {
    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Validate the configuration (file, NEWSWATCH_* environment, --set) as the workers would read "
                    + "it and print every option's effective value and where it came from (default, file, env, "
                    + "--set). With --connect, also reach the cluster and check the topics each worker needs. "
                    + "Exits 3 on a configuration error, 4 when the cluster cannot be reached, 1 when a topic is "
                    + "wrong.")
    public static final class Check implements Callable<Integer> {
        @Mixin
        WorkerOptions options;

        @Option(names = "--worker", paramLabel = "WORKER", description = "ingest, enrich or sink (default: all three).")
        String worker;

        @Option(names = "--connect", description = "Reach the Kafka cluster and check the topics.")
        boolean connect;

        @Override
        public Integer call() throws Exception {
            ConfigSource.Loaded loaded = options.loaded();
            Map<String, String> values = loaded.values();
            List<Checked> workers = new ArrayList<>();
            if (worker == null || worker.equals("ingest")) {
                workers.add(new Checked("ingest", IngestConfig.DEFINITION, new IngestConfig(values)));
            }
            if (worker == null || worker.equals("enrich")) {
                workers.add(new Checked("enrich", EnrichConfig.DEFINITION, new EnrichConfig(values)));
            }
            if (worker == null || worker.equals("sink")) {
                workers.add(new Checked("sink", SinkConfig.DEFINITION, new SinkConfig(values)));
            }
            if (workers.isEmpty()) {
                throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                        "--worker must be ingest, enrich or sink, not " + worker);
            }
            PrintStream out = System.out;
            Set<String> printed = new TreeSet<>();
            out.printf("%-36s %-40s %s%n", "option", "value", "from");
            for (Checked c : workers) {
                for (ConfigDef.ConfigKey key : c.definition().configKeys().values()) {
                    if (printed.add(key.name)) {
                        Object value = c.config().originals().containsKey(key.name) ? values.get(key.name)
                                : key.defaultValue;
                        out.printf("%-36s %-40s %s%n", key.name, shown(key, value),
                                loaded.origins().getOrDefault(key.name, "default"));
                    }
                }
            }
            loaded.origins().forEach((name, origin) -> {
                if (name.startsWith(NewswatchConfig.KAFKA_PREFIX)) {
                    out.printf("%-36s %-40s %s%n", name, name.contains("password") || name.contains("jaas")
                            ? "(hidden)" : values.get(name), origin);
                }
            });
            out.println("configuration ok for " + String.join(", ", workers.stream().map(Checked::name).toList()));
            if (!connect) {
                return 0;
            }
            NewswatchConfig any = workers.get(0).config();
            TopicAdmin.requireReachable(any);
            out.println("reached Kafka at " + any.bootstrapServers());
            return checkTopics(any, out) ? 0 : 1;
        }

        private static String shown(ConfigDef.ConfigKey key, Object value) {
            if (key.type == ConfigDef.Type.PASSWORD) {
                return "(hidden)";
            }
            return value instanceof List<?> list ? String.join(",", list.stream().map(String::valueOf).toList())
                    : String.valueOf(value);
        }

        /** Every topic exists; the control topics have exactly the partitions they must. */
        private static boolean checkTopics(NewswatchConfig config, PrintStream out) throws Exception {
            Function<Topic<?, ?>, String> name = t -> config.topic(t).name();
            boolean ok = true;
            try (Admin admin = Admin.create(config.clientProperties())) {
                Set<String> existing = admin.listTopics().names().get();
                for (Topic<?, ?> topic : Topics.ALL) {
                    String topicName = name.apply(topic);
                    if (!existing.contains(topicName)) {
                        out.println("topic " + topicName + ": missing (workers create it when topic.create is true)");
                        ok &= config.createTopics();
                        continue;
                    }
                    TopicDescription d = admin.describeTopics(List.of(topicName)).allTopicNames().get().get(topicName);
                    int partitions = d.partitions().size();
                    if (topic.fixedPartitions() > 0 && partitions != topic.fixedPartitions()) {
                        out.println("topic " + topicName + ": " + partitions + " partitions, must have "
                                + topic.fixedPartitions());
                        ok = false;
                    } else {
                        out.println("topic " + topicName + ": ok, " + partitions + " partitions");
                    }
                }
            }
            return ok;
        }

        private record Checked(String name, ConfigDef definition, NewswatchConfig config) {
        }
    }
}
