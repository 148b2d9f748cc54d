package org.rapport.integration.transport;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server on an ephemeral port of 127.0.0.1 serving survey responses as a paged JSON API
 * that wants a bearer token: {@code /by-cursor} (a cursor in {@code after}, the next one in
 * {@code paging.next}) and {@code /by-page} ({@code page} from 1, {@code per_page}, default 2). It
 * records each request's query and can be told to fail: answer some statuses first, go down for
 * good, or hang.
 */
public final class PagedApi implements AutoCloseable {

    static final String TOKEN = "Bearer 7f3a9c-survey-token";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PAGE = 2;

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<ObjectNode> responses = new ArrayList<>();
    private final List<String> queries = new CopyOnWriteArrayList<>();
    private final Queue<Integer> failFirst = new ConcurrentLinkedQueue<>();
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile int failAlways;
    private volatile int failFromPage;
    private volatile boolean hanging;

    private final String token;

    /**
     * Answers of March 2025: a month no end-to-end test grades, so a server test that stores them changes
     * no hand-worked month.
     */
    private PagedApi(int count, String token) throws IOException {
        this.token = token;
        for (int i = 1; i <= count; i++) {
            ObjectNode response = JSON.createObjectNode();
            response.put("id", "F-" + i).put("customer", "C-" + i).put("submitted", "2025-03-0" + i + "T09:30:00")
                    .put("nps", i + 4);
            responses.add(response);
        }
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(threads);
        server.createContext("/by-cursor", exchange -> answer(exchange, this::cursorPage));
        server.createContext("/by-page", exchange -> answer(exchange, this::numberedPage));
        server.start();
    }

    /** A server holding {@code count} survey responses. */
    static PagedApi start(int count) throws IOException {
        return new PagedApi(count, TOKEN);
    }

    /** A server holding {@code count} survey responses that answers only requests carrying {@code token}. */
    public static PagedApi start(int count, String token) throws IOException {
        return new PagedApi(count, token);
    }

    public URI url(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery);
    }

    /** The query strings of the requests that carried the token, in order ("" for none). */
    public List<String> queries() {
        return List.copyOf(queries);
    }

    int requests() {
        return queries.size();
    }

    /** Answers the next requests with these statuses, then serves again. */
    void failFirst(Integer... statuses) {
        failFirst.addAll(List.of(statuses));
    }

    /** Answers every request with this status from now on. */
    void failAlways(int status) {
        failAlways = status;
    }

    /** Answers 500 for every page from this one (counted from 1) on. */
    void failFromPage(int page) {
        failFromPage = page;
    }

    /** Accepts requests but never answers them until closed. */
    void hang() {
        hanging = true;
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        threads.shutdownNow();
        try {
            threads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private interface Page {
        ObjectNode answer(Map<String, String> parameters);
    }

    private void answer(HttpExchange exchange, Page page) throws IOException {
        try (exchange) {
            if (!token.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                send(exchange, 401, "{\"error\": \"a valid token is required\"}");
                return;
            }
            String query = exchange.getRequestURI().getRawQuery();
            queries.add(query == null ? "" : query);
            if (hanging) {
                released.await();
                return;
            }
            Integer status = failFirst.poll();
            if (status == null && failAlways != 0) {
                status = failAlways;
            }
            Map<String, String> parameters = parameters(query);
            if (status == null && failFromPage != 0 && pageNumber(parameters) >= failFromPage) {
                status = 500;
            }
            if (status != null) {
                send(exchange, status, "{\"error\": \"try later\"}");
                return;
            }
            send(exchange, 200, JSON.writeValueAsString(page.answer(parameters)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** {"data": {"responses": [...]}, "paging": {"next": "c2" | null}} */
    private ObjectNode cursorPage(Map<String, String> parameters) {
        int from = parameters.containsKey("after") ? Integer.parseInt(parameters.get("after").substring(1)) : 0;
        int to = Math.min(from + PAGE, responses.size());
        ObjectNode body = JSON.createObjectNode();
        body.putObject("data").putArray("responses").addAll(responses.subList(from, to));
        body.putObject("paging").put("next", to < responses.size() ? "c" + to : null);
        return body;
    }

    /** {"items": [...]}: empty past the last page. */
    private ObjectNode numberedPage(Map<String, String> parameters) {
        int size = Integer.parseInt(parameters.getOrDefault("per_page", Integer.toString(PAGE)));
        int from = Math.min((pageNumber(parameters) - 1) * size, responses.size());
        int to = Math.min(from + size, responses.size());
        ObjectNode body = JSON.createObjectNode();
        ArrayNode items = body.putArray("items");
        items.addAll(responses.subList(from, to));
        return body;
    }

    private static int pageNumber(Map<String, String> parameters) {
        if (parameters.containsKey("page")) {
            return Integer.parseInt(parameters.get("page"));
        }
        return parameters.containsKey("after") ? Integer.parseInt(parameters.get("after").substring(1)) / PAGE + 1 : 1;
    }

    private static Map<String, String> parameters(String query) {
        Map<String, String> parameters = new HashMap<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                String[] nameAndValue = pair.split("=", 2);
                parameters.put(nameAndValue[0], nameAndValue.length == 1 ? "" : nameAndValue[1]);
            }
        }
        return parameters;
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
