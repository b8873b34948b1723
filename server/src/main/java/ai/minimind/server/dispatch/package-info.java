/**
 * Train type → MiniMind script, its parameter table with the scripts' own defaults, validation of request values
 * and the job command line for the builtin and python backends.
 */
package ai.minimind.server.dispatch;
