/** The command line: one class per subcommand, shared options and the exit-code table. */
package org.snapcache.cli;
