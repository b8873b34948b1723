/**
 * Training jobs: starting them, their records and states, stopping and deleting them, following them to their
 * end and reconciling them after a restart.
 */
package ai.minimind.server.jobs;
