/** Taking resources through fetch, extract and cache, one at a time or a whole catalogue. */
package org.snapcache.pipeline;
