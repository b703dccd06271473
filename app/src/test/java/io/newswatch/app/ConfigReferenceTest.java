package io.newswatch.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newswatch.enrich.EnrichConfig;
import io.newswatch.ingest.IngestConfig;
import io.newswatch.model.config.ConfigSource;
import io.newswatch.sink.SinkConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigReferenceTest {
    @Test
    void everyOptionOfEveryWorkerIsDocumentedInTheReadme() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        for (var def : new org.apache.kafka.common.config.ConfigDef[] {IngestConfig.DEFINITION,
                EnrichConfig.DEFINITION, SinkConfig.DEFINITION}) {
            for (String name : def.names()) {
                assertTrue(readme.contains("`" + name + "`"), "README does not document option " + name);
            }
        }
    }

    @Test
    void environmentVariablesOverrideTheFileAndOptionsOverrideBoth() throws IOException {
        Path file = Files.createTempFile("newswatch", ".properties");
        Files.writeString(file, "topic.partitions=2\nsink.group.id=from-file\nkafka.security.protocol=SSL\n");
        Map<String, String> values = ConfigSource.load(file, Map.of("NEWSWATCH_TOPIC_PARTITIONS", "4",
                "NEWSWATCH_SINK_GROUP_ID", "from-env", "PATH", "/bin"), Map.of("sink.group.id", "from-option"));
        SinkConfig config = new SinkConfig(values);
        assertTrue(config.partitions() == 4);
        assertTrue(config.groupId().equals("from-option"));
        assertTrue("SSL".equals(config.clientProperties().get("security.protocol")));
        Files.delete(file);
    }
}
