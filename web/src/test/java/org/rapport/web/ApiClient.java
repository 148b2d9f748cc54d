package org.rapport.web;

import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

/**
 * The REST API as the black-box tests call it: plain HTTP against the deployed application, signed in
 * with HTTP Basic as one of the users the test servers are given ({@link TestUsers}), and marking
 * every request that changes something as a script's ({@code X-Requested-With}), as API clients must.
 */
final class ApiClient {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URL application;
    private final String authorization;

    /** Signed in as the test user who holds every role. */
    ApiClient(URL application) {
        this(application, TestUsers.EVERY_ROLE, TestUsers.password(TestUsers.EVERY_ROLE));
    }

    ApiClient(URL application, String user, String password) {
        this.application = application;
        this.authorization = TestUsers.basic(user, password);
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> getBytes(String path) throws Exception {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<String> post(String path, String contentType, String body) throws Exception {
        return http.send(request(path).header("Content-Type", contentType).header("X-Requested-With", "rapport-it")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String contentType, byte[] body) throws Exception {
        return http.send(request(path).header("Content-Type", contentType).header("X-Requested-With", "rapport-it")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> put(String path, String contentType, String body) throws Exception {
        return http.send(request(path).header("Content-Type", contentType).header("X-Requested-With", "rapport-it")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> delete(String path) throws Exception {
        return http.send(request(path).header("X-Requested-With", "rapport-it").DELETE().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** GETs a JSON document, failing with the body when the answer is not 200. */
    JsonValue json(String path) throws Exception {
        HttpResponse<String> response = get(path);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return read(response.body());
    }

    static JsonValue read(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readValue();
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(application + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", authorization);
    }
}
