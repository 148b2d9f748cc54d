package org.rapport.web.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The REST API of Rapport, under {@code /rapport/api}. Resources in this package are discovered by the server.
 * The OpenAPI document WildFly publishes at {@code /openapi} takes its title and its one security scheme from here
 * (SmallRye reads {@code @OpenAPIDefinition} on the Application class): declaring a single OpenID Connect scheme
 * is what makes it write each operation's {@code @RolesAllowed} roles as that scheme's scopes, so a script author
 * reads there which role an operation needs — the roles the server enforces.
 */
@OpenAPIDefinition(
        info = @Info(title = "Rapport REST API", version = "1",
                description = "Customer-engagement KPIs, the monthly board pack, rule sets and sources. Every operation"
                        + " needs a signed-in user holding one of the roles listed as its security scopes (board,"
                        + " strategy, integration, admin): HTTP Basic with a Rapport user, a bearer token from the"
                        + " installation's OpenID Connect provider, or a browser session. Requests that change"
                        + " something send JSON or an X-Requested-With header."),
        components = @Components(securitySchemes = @SecurityScheme(securitySchemeName = "rapport",
                type = SecuritySchemeType.OPENIDCONNECT,
                openIdConnectUrl = "/.well-known/openid-configuration",
                description = "Roles as scopes. With an OpenID Connect provider (rapport.oidc.issuer) its discovery"
                        + " document is under the issuer; HTTP Basic with a Rapport user is accepted as well.")))
@ApplicationPath("/api")
public class RapportApi extends Application {
}
