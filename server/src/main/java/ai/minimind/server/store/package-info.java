/** Crash-safe JSON state files ({@code clients.json}, {@code training_processes.json}). */
package ai.minimind.server.store;
