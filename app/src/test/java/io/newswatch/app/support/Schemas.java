package io.newswatch.app.support;

import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.newswatch.model.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;

/** Validates JSON against the schemas the project ships for consumers (model's {@code schemas/}). */
public final class Schemas {
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(m -> m.mapPrefix("https://newswatch.example/schemas/", "classpath:schemas/")));

    private Schemas() {
    }

    /** The violations of one record's JSON; empty when it validates. */
    public static Set<ValidationMessage> violations(String schema, String json) {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        JsonSchema s = FACTORY.getSchema(SchemaLocation.of("classpath:schemas/" + schema), config);
        try {
            return s.validate(Json.MAPPER.readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
