/** The service's configuration: flags over environment variables over defaults, built in one place. */
package ai.minimind.server.config;
