package io.newswatch.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newswatch.enrich.tagging.Tagger;
import io.newswatch.model.json.Json;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "tag", mixinStandardHelpOptions = true,
        description = "Tag JSON lines ({\"id\", \"text\", optional \"title\", \"lang\"}) from FILE or stdin and print "
                + "one JSON line per input: {\"id\", \"tags\": [{\"tag\", \"score\", \"evidence\"}]}. A line that "
                + "cannot be read gives {\"line\", \"error\"} instead; exits 1 when any line failed.")
public final class TagCommand implements Callable<Integer> {
    @Mixin
    RulesOptions rules;

    @Parameters(paramLabel = "FILE", arity = "0..1", description = "JSON lines file; '-' or none for stdin.")
    Path file;

    @Override
    public Integer call() throws Exception {
        int failed = 0;
        try (Tagger tagger = new Tagger(rules.load())) {
            for (TagInput.Line line : TagInput.read(file)) {
                ObjectNode out = Json.MAPPER.createObjectNode();
                if (line.error() != null) {
                    failed++;
                    out.put("line", line.number());
                    out.put("error", line.error());
                } else {
                    out.put("id", TagInput.text(line.json(), "id"));
                    out.set("tags", Json.MAPPER.valueToTree(tagger.tag(TagInput.text(line.json(), "title"),
                            TagInput.text(line.json(), "text"), TagInput.text(line.json(), "lang"))));
                }
                System.out.println(Json.write(out));
            }
        }
        return failed == 0 ? 0 : 1;
    }
}
