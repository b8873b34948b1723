/**
 * The HTTP surface of api.md: every route registered in {@link ai.minimind.server.api.Routes}, the
 * {@link ai.minimind.server.api.ApiException} hierarchy and its one renderer
 * {@link ai.minimind.server.api.ErrorMapper}.
 */
package ai.minimind.server.api;
