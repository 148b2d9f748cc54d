package org.rapport.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.InetAddress;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.json.JsonObject;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Signing in to the suite's server, which trusts an OpenID Connect provider (mock-oauth2-server,
 * started here on the port the server is configured with) and knows preset users: bearer tokens
 * issued, expired, forged and for another audience; passwords right, wrong and guessed; a browser
 * session with its cookie, headers and sign-out; and requests another site could forge.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SignInIT {

    private static final String ISSUER = "rapport-it";
    private static MockOAuth2Server provider;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @ArquillianResource
    private URL application;

    @Deployment(testable = false)
    static WebArchive rapport() {
        return RapportWar.importBuilt();
    }

    @BeforeAll
    static void startProvider() throws Exception {
        provider = new MockOAuth2Server();
        provider.start(InetAddress.getByName("127.0.0.1"), Integer.getInteger("rapport.it.oidc.port"));
    }

    @AfterAll
    static void stopProvider() {
        provider.shutdown();
    }

    @Test
    void aTokenFromTheProviderSignsInWithTheRolesOfItsClaim() throws Exception {
        String token = token("rapport", Map.of("preferred_username", "cco@acme", "realm_access", Map.of("roles", List.of("board", "offline_access"))), 300);

        HttpResponse<String> me = send(get("api/session").header("Authorization", "Bearer " + token));
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        assertThat(ApiClient.read(me.body()).asJsonObject().getString("user")).isEqualTo("cco@acme");
        assertThat(ApiClient.read(me.body()).asJsonObject().getJsonArray("roles").getString(0)).isEqualTo("board");
        assertThat(send(get("api/runs").header("Authorization", "Bearer " + token)).statusCode()).isEqualTo(200);
        assertThat(send(get("api/intake/quarantine").header("Authorization", "Bearer " + token)).statusCode()).isEqualTo(403);
    }

    @Test
    void aBrowserSignsInWithTheProviderByAuthorizationCodeAndTheAnswerCannotBeReplayed() throws Exception {
        provider.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER, "subject-cco", "JWT", List.of("rapport"),
                Map.of("preferred_username", "cco@acme", "realm_access", Map.of("roles", List.of("board", "strategy"))), 300));
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

        HttpResponse<String> toProvider = browser.send(get("sign-in/openid-connect").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(toProvider.statusCode()).isEqualTo(302);
        String authorize = toProvider.headers().firstValue("Location").orElseThrow();
        assertThat(authorize).startsWith(issuer() + "/authorize")
                .contains("code_challenge_method=S256").contains("state=").contains("nonce=");

        HttpResponse<String> backWithCode = browser.send(HttpRequest.newBuilder(URI.create(authorize)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        String callback = backWithCode.headers().firstValue("Location").orElseThrow();
        assertThat(callback).contains("/rapport/sign-in/openid-connect/callback?").contains("code=");

        HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(URI.create(callback)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/rapport/"));

        JsonObject me = ApiClient.read(browser.send(get("api/session").build(), HttpResponse.BodyHandlers.ofString()).body()).asJsonObject();
        assertThat(me.getString("user")).isEqualTo("cco@acme");
        assertThat(me.getJsonArray("roles").getValuesAs(jakarta.json.JsonString::getString)).containsExactly("board", "strategy");

        HttpResponse<String> replayed = http.send(HttpRequest.newBuilder(URI.create(callback)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(replayed.statusCode()).isEqualTo(401);
    }

    @Test
    void expiredForgedAndOtherAudienceTokensAre401AndAUserWithoutRolesIs403() throws Exception {
        Map<String, Object> admin = Map.of("preferred_username", "mallory", "realm_access", Map.of("roles", List.of("admin")));
        String expired = token("rapport", admin, -600);
        String otherAudience = token("another-app", admin, 300);
        String valid = token("rapport", Map.of("preferred_username", "mallory"), 300);
        String[] parts = valid.split("\\.");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("{\"iss\":\"" + issuer() + "\",\"aud\":\"rapport\",\"sub\":\"mallory\","
                        + "\"exp\":4102444800,\"iat\":1700000000,\"realm_access\":{\"roles\":[\"admin\"]}}")
                        .getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        String ownKey = signedWithAnotherKey(admin);

        for (String refused : List.of(expired, otherAudience, tampered, ownKey, "not-a-token")) {
            HttpResponse<String> response = send(get("api/distribution/recipients").header("Authorization", "Bearer " + refused));
            assertThat(response.statusCode()).as(refused).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).contains("invalid_token"));
        }
        HttpResponse<String> noRole = send(get("api/session").header("Authorization", "Bearer " + valid));
        assertThat(noRole.statusCode()).as(noRole.body()).isEqualTo(200);
        assertThat(send(get("api/runs").header("Authorization", "Bearer " + valid)).statusCode()).isEqualTo(403);
    }

    @Test
    void withoutCredentialsTheApiAnswers401AndAPageLeadsToTheSignInPage() throws Exception {
        HttpResponse<String> api = send(get("api/runs"));
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.body()).contains("unauthenticated");

        HttpResponse<String> page = send(get(""));
        assertThat(page.statusCode()).isBetween(302, 303);
        assertThat(page.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/rapport/sign-in.html"));
        assertThat(send(get("sign-in.html")).statusCode()).isEqualTo(200);
    }

    @Test
    void aBrowserSignsInOnceKeepsAStrictHttpOnlySessionAndSignsOut() throws Exception {
        HttpResponse<String> signedIn = send(post("api/session", null, null).header("Authorization", TestUsers.basic(TestUsers.BOARD)));
        assertThat(signedIn.statusCode()).isEqualTo(200);
        String setCookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).startsWith("RAPPORT_SESSION=").containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict");
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));

        assertThat(send(get("api/runs").header("Cookie", cookie)).statusCode()).isEqualTo(200);
        HttpResponse<String> page = send(get("").header("Cookie", cookie));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("script-src 'self'").contains("frame-ancestors 'none'"));
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");

        assertThat(send(delete("api/session").header("Cookie", cookie)).statusCode()).isEqualTo(204);
        assertThat(send(get("api/runs").header("Cookie", cookie)).statusCode()).isEqualTo(401);
    }

    @Test
    void aPasswordGuessedRepeatedlyLocksTheUserEvenAgainstTheRightPassword() throws Exception {
        String user = "it-locked";
        for (int attempt = 0; attempt < 3; attempt++) {
            HttpResponse<String> wrong = send(get("api/session").header("Authorization", TestUsers.basic(user, "guess-" + attempt)));
            assertThat(wrong.statusCode()).isEqualTo(401);
            assertThat(wrong.body()).doesNotContain("guess-");
        }
        HttpResponse<String> locked = send(get("api/session").header("Authorization", TestUsers.basic(user, TestUsers.password(user))));
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void requestsAnotherSiteCouldSendChangeNothing() throws Exception {
        String admin = TestUsers.basic(TestUsers.ADMIN);
        String address = "csrf-" + UUID.randomUUID().toString().substring(0, 8) + "@rapport.test";

        HttpResponse<String> plainText = send(HttpRequest.newBuilder(URI.create(application + "api/distribution/recipients"))
                .header("Authorization", admin).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(address)).build());
        HttpResponse<String> form = send(HttpRequest.newBuilder(URI.create(application + "api/distribution/recipients"))
                .header("Authorization", admin).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("address=" + address)).build());
        HttpResponse<String> otherOrigin = send(post("api/distribution/recipients", "application/json", "{\"address\": \"" + address + "\"}")
                .header("Authorization", admin).header("Origin", "https://attacker.example"));
        HttpResponse<String> bodiless = send(HttpRequest.newBuilder(URI.create(application + "api/runs?month=2031-01"))
                .header("Authorization", admin).POST(HttpRequest.BodyPublishers.noBody()).build());

        assertThat(List.of(plainText.statusCode(), form.statusCode(), otherOrigin.statusCode(), bodiless.statusCode()))
                .containsOnly(403);
        assertThat(new ApiClient(application).json("api/distribution/recipients").toString()).doesNotContain(address);
    }

    @Test
    void aFailureAnswersWithoutStackOrInternals() throws Exception {
        HttpResponse<String> broken = send(post("api/rulesets", "application/json", "{\"files\": [{\"name\": ")
                .header("Authorization", TestUsers.basic(TestUsers.STRATEGY)));
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(broken.body()).doesNotContain("Exception").doesNotContain("at [Source").doesNotContain("jackson");
    }

    @Test
    void anOversizedHeaderIsRefusedBeforeTheApplication() throws Exception {
        String huge = "x".repeat(100_000);
        int status;
        try {
            status = send(get("api/session").header("Authorization", TestUsers.basic(TestUsers.ADMIN)).header("X-Padding", huge)).statusCode();
        } catch (java.io.IOException closed) {
            status = -1; // the server closed the connection on the oversized head: refused all the same
        }
        assertThat(status).isIn(-1, 400, 413, 431);
    }

    /** An access token from the provider's token endpoint, as a client of it gets one (client credentials). */
    private String token(String audience, Map<String, Object> claims, long lifetimeSeconds) throws Exception {
        provider.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER, "subject-" + UUID.randomUUID(), "JWT",
                List.of(audience), claims, lifetimeSeconds));
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(issuer() + "/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=rapport"
                        + "&client_secret=it-secret&scope=openid")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return ApiClient.read(answer.body()).asJsonObject().getString("access_token");
    }

    /** The issuer as the server is configured with it (the provider names itself after the address it is asked at). */
    private static String issuer() {
        return "http://127.0.0.1:" + Integer.getInteger("rapport.it.oidc.port") + "/" + ISSUER;
    }

    private String signedWithAnotherKey(Map<String, Object> claims) throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID("not-the-providers").generate();
        JWTClaimsSet.Builder body = new JWTClaimsSet.Builder().issuer(issuer())
                .audience("rapport").subject("mallory").issueTime(new Date()).expirationTime(new Date(System.currentTimeMillis() + 300_000));
        claims.forEach(body::claim);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), body.build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create(application + path)).timeout(Duration.ofSeconds(30)).GET();
    }

    private HttpRequest.Builder delete(String path) {
        return HttpRequest.newBuilder(URI.create(application + path)).timeout(Duration.ofSeconds(30))
                .header("X-Requested-With", "rapport-it").DELETE();
    }

    private HttpRequest.Builder post(String path, String type, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(application + path)).timeout(Duration.ofSeconds(30))
                .header("X-Requested-With", "rapport-it");
        if (type != null) {
            request.header("Content-Type", type);
        }
        return request.POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return send(request.build());
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
