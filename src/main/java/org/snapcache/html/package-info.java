/** What the archive and extraction code share for reading a parsed page. */
package org.snapcache.html;
