/** Turning fetched content into a title and readable text, and cutting the preview. */
package org.snapcache.extract;
