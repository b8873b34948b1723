/**
 * Per-client workspaces on disk and the rules that keep path parameters and log-file names inside them.
 */
package ai.minimind.server.files;
