package org.rapport.web.api;

import java.util.List;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

/**
 * Completes what the OpenAPI document says about who may call an operation. The roles come from the
 * {@code @RolesAllowed} of each method, which SmallRye writes as scopes of the one security scheme, so they
 * cannot drift from what the server enforces. An operation without roles ({@code @PermitAll}) is still not
 * open to anyone: every endpoint of the API needs a signed-in user, which is written here as the scheme with
 * no scope.
 */
public class SignInRequired implements OASFilter {

    static final String SCHEME = "rapport";

    @Override
    public Operation filterOperation(Operation operation) {
        List<SecurityRequirement> security = operation.getSecurity();
        boolean named = security != null && security.stream().anyMatch(requirement -> requirement.hasScheme(SCHEME));
        if (!named) {
            operation.setSecurity(List.of(OASFactory.createSecurityRequirement().addScheme(SCHEME)));
        }
        return operation;
    }
}
