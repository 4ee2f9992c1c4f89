package org.snapcache.pipeline;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.snapcache.config.Resource;
import org.snapcache.config.ResourceId;

/**
 * One of {@code count} parts of a catalogue, chosen by a hash of each resource's id: the same on
 * every machine and every night, whatever the catalogue's order, so that N machines or CI jobs
 * given shards 1/N to N/N share the catalogue with no overlap and no gap, without talking.
 *
 * @param index which part, 1 to count
 */
public record Shard(int index, int count) {

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("shard " + index + "/" + count + " does not exist (want I/N with 1 <= I <= N)");
        }
    }

    /** Reads {@code I/N}, as {@code --shard} takes it. */
    public static Shard parse(String text) {
        String[] parts = text.trim().split("/", -1);
        try {
            if (parts.length == 2) {
                return new Shard(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("\"" + text + "\" is not a shard; give I/N, such as 2/4");
    }

    public boolean holds(String id) {
        byte[] hash = ResourceId.sha256(id.getBytes(StandardCharsets.UTF_8));
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = value << 8 | (hash[i] & 0xff);
        }
        return Long.remainderUnsigned(value, count) == index - 1;
    }

    public List<Resource> of(List<Resource> catalogue) {
        return catalogue.stream().filter(resource -> holds(resource.id())).toList();
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
