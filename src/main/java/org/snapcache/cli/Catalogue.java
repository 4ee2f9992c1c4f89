package org.snapcache.cli;

import java.nio.file.Files;
import java.util.Optional;
import org.snapcache.cache.CacheStore;
import org.snapcache.cache.CachedEntry;
import org.snapcache.cache.CorruptEntryException;
import org.snapcache.cache.EntryMeta;
import org.snapcache.config.InvalidEntry;
import org.snapcache.config.Resource;
import org.snapcache.config.ResourceId;
import org.snapcache.config.Settings;

/**
 * Finds the resource a command names: in the catalogue ({@link Settings#find}), else by id among
 * cache entries. A catalogue entry that cannot be fetched as written is named with its reason.
 */
final class Catalogue {

    private Catalogue() {}

    static Resource find(Settings settings, CacheStore store, String given) throws UnknownResourceException {
        Optional<Resource> listed = settings.find(given);
        if (listed.isPresent()) {
            return listed.get();
        }
        Optional<InvalidEntry> invalid = settings.findInvalid(given);
        if (invalid.isPresent()) {
            throw new UsageException(invalid.get().describe());
        }
        boolean isId = ResourceId.isValid(given);
        String id = isId ? given : ResourceId.forUrl(given);
        if (!Files.isDirectory(store.entryDir(id))) {
            throw new UnknownResourceException(given);
        }
        Optional<EntryMeta> meta;
        try {
            meta = store.read(id).map(CachedEntry::meta);
        } catch (CorruptEntryException e) {
            meta = Optional.empty();
        }
        String url = meta.map(EntryMeta::url).orElse(isId ? "" : given);
        return new Resource(id, url, Optional.empty(), Optional.empty(), meta.map(EntryMeta::stableId),
                Optional.empty(), "cache entry " + id);
    }
}
