package org.rapport.web.security;

import java.net.URI;

import jakarta.json.Json;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * Refuses a request that changes something unless another site's page could not have sent it:
 * it must carry a JSON body ({@code Content-Type: application/json}) or an {@code X-Requested-With}
 * header, both of which a browser sends cross-site only after the server has agreed (which Rapport
 * never does). Forms and {@code text/plain} bodies, the requests a foreign page can send with the
 * user's cookies, are refused, as is any request whose {@code Origin} is not Rapport's own. Runs before
 * the request is matched to an endpoint, so that the refusal is the same whatever the endpoint reads.
 */
@Provider
@PreMatching
public class CrossSiteRequestGuard implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        if (isSafe(request.getMethod())) {
            return;
        }
        String origin = request.getHeaderString("Origin");
        if (origin != null && !origin.equals("null") && !sameOrigin(URI.create(origin), request.getUriInfo().getBaseUri())) {
            abort(request, "The request comes from another site (" + origin + ")");
            return;
        }
        if (origin != null && origin.equals("null")) {
            abort(request, "The request comes from an opaque origin");
            return;
        }
        MediaType type = request.getMediaType();
        boolean json = type != null && type.isCompatible(MediaType.APPLICATION_JSON_TYPE);
        if (!json && request.getHeaderString("X-Requested-With") == null) {
            abort(request, "A request that changes something must send JSON (Content-Type: application/json)"
                    + " or an X-Requested-With header");
        }
    }

    private static boolean isSafe(String method) {
        return HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method) || HttpMethod.OPTIONS.equals(method);
    }

    private static boolean sameOrigin(URI origin, URI base) {
        return origin.getScheme() != null && origin.getScheme().equalsIgnoreCase(base.getScheme())
                && origin.getHost() != null && origin.getHost().equalsIgnoreCase(base.getHost())
                && port(origin) == port(base);
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static void abort(ContainerRequestContext request, String message) {
        request.abortWith(Response.status(Response.Status.FORBIDDEN).type(MediaType.APPLICATION_JSON)
                .entity(Json.createObjectBuilder().add("error", "cross-site").add("message", message).build().toString())
                .build());
    }
}
