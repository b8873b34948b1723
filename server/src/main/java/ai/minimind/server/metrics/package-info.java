/**
 * What the web page needs to watch a job: the trainers' progress lines parsed into numbers
 * ({@code GET /api/processes/{id}/metrics}), the live log as server-sent events resumable by byte offset
 * ({@code GET /api/processes/{id}/logs/stream}), and the static page with its Content-Security-Policy.
 */
package ai.minimind.server.metrics;
