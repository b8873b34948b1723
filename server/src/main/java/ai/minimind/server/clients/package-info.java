/** Registered clients and registration rules. */
package ai.minimind.server.clients;
