/** The shared HTTP client and its politeness: user agent, per-host rate limit, retries with backoff, body limits. */
package org.snapcache.fetch;
