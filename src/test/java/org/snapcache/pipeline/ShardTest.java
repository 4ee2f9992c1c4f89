package org.snapcache.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.snapcache.config.Resource;
import org.snapcache.config.ResourceId;

class ShardTest {

    static final List<Resource> CATALOGUE = IntStream.range(0, 1000)
            .mapToObj(i -> "https://example.org/page/" + i)
            .map(url -> new Resource(i(url), url, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), "c:1"))
            .toList();

    static String i(String url) {
        return url.endsWith("7") ? "custom-id-" + url.length() + url.hashCode() : ResourceId.forUrl(url);
    }

    @Test
    void theShardsOfACataloguePartitionItExactly() {
        for (int count = 1; count <= 7; count++) {
            Set<String> seen = new HashSet<>();
            int total = 0;
            for (int index = 1; index <= count; index++) {
                List<Resource> part = new Shard(index, count).of(CATALOGUE);
                total += part.size();
                part.forEach(resource -> assertTrue(seen.add(resource.id()), "in two shards: " + resource.id()));
                assertTrue(part.size() > 1000 / count / 2, "shard " + index + "/" + count + " holds " + part.size());
            }
            assertEquals(CATALOGUE.size(), total, "no gap for " + count + " shards");
        }
    }

    @Test
    void aShardDependsOnTheIdAloneNotOnTheCatalogueOrder() {
        List<Resource> reversed = new ArrayList<>(CATALOGUE);
        java.util.Collections.reverse(reversed);
        Set<String> forward = new HashSet<>(new Shard(2, 3).of(CATALOGUE).stream().map(Resource::id).toList());
        Set<String> backward = new HashSet<>(new Shard(2, 3).of(reversed).stream().map(Resource::id).toList());

        assertEquals(forward, backward);
    }

    @Test
    void onlyShardsThatExistAreAccepted() {
        assertEquals(new Shard(2, 4), Shard.parse(" 2/4 "));
        for (String bad : new String[] {"0/4", "5/4", "2", "a/b", "1/0", "1/2/3"}) {
            assertThrows(IllegalArgumentException.class, () -> Shard.parse(bad), bad);
        }
    }
}
