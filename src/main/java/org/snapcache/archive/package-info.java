/** Wayback-style archive URLs, redirects to captures, memento headers and removal of injected chrome. */
package org.snapcache.archive;
