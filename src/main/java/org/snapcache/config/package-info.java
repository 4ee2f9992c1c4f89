/** Loading and validating config.yaml and resource files into immutable settings. */
package org.snapcache.config;
