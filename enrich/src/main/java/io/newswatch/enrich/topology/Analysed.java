package io.newswatch.enrich.topology;

import io.newswatch.enrich.story.StoryCandidate;
import io.newswatch.model.dlq.DeadLetter;

/** An article after analysis, as its candidate for the story stage, or the dead letter saying why it stopped here. */
public record Analysed(StoryCandidate candidate, DeadLetter deadLetter) {
    static Analysed of(StoryCandidate candidate) {
        return new Analysed(candidate, null);
    }

    static Analysed rejected(DeadLetter letter) {
        return new Analysed(null, letter);
    }

    public boolean ok() {
        return candidate != null;
    }
}
