package io.newswatch.enrich.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newswatch.model.Entity;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class EntityFinderTest {
    private static final EntityFinder FINDER = new EntityFinder(Gazetteer.defaults());

    @AfterAll
    static void close() {
        FINDER.close();
    }

    private static Set<String> ids(List<Entity> entities) {
        return entities.stream().map(Entity::id).collect(Collectors.toSet());
    }

    @Test
    void linksLatinAndCyrillicSpellingsToOneId() {
        Set<String> english = ids(FINDER.find(null, "Shoigu arrived in Dushanbe for talks with the CSTO."));
        Set<String> russian = ids(FINDER.find(null, "Шойгу прибыл в Душанбе на переговоры ОДКБ."));
        assertEquals(Set.of("person:sergei-shoigu", "place:dushanbe", "org:csto"), english);
        assertEquals(english, russian);
    }

    @Test
    void catchesRussianCaseEndings() {
        assertTrue(ids(FINDER.find(null, "Учения прошли в Хатлонской области Таджикистана.")).containsAll(
                Set.of("place:khatlon", "place:tajikistan")));
    }

    @Test
    void givesOffsetsIntoTitleOrBody() {
        String body = "Officials in Khatlon reported calm.";
        List<Entity> found = FINDER.find("CSTO meets", body);
        assertEquals("title", found.get(0).field());
        assertEquals("CSTO", found.get(0).text());
        Entity khatlon = found.stream().filter(e -> e.id().equals("place:khatlon")).findFirst().orElseThrow();
        assertEquals("Khatlon", body.substring(khatlon.start(), khatlon.end()));
    }

    @Test
    void doesNotTakeTheAcronymScoForAWordWrittenInLowerCase() {
        assertTrue(FINDER.find(null, "The sco report was filed.").isEmpty());
    }
}
