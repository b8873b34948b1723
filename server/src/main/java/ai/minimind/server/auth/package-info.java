/**
 * Who is calling: API keys (only their SHA-256 is stored), HMAC-signed short-lived tokens, and the
 * {@link ai.minimind.server.auth.Authenticator} that resolves a request's bearer credential to a client.
 */
package ai.minimind.server.auth;
