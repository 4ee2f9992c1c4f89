/** Entries on disk: atomic writes, reading, freshness and the writer lock. */
package org.snapcache.cache;
