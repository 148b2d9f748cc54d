package org.rapport.integration.transport;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import org.rapport.integration.EndpointUri;

import org.apache.camel.Exchange;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.camel.model.RouteDefinition;
import org.rapport.integration.source.SourceDefinition;
import org.rapport.integration.source.Transport;

/**
 * Pulls a source's records from a paged JSON API (Camel's http component) into one landed JSON file
 * per fetch: an array of the records of every page, written as the pages arrive. Each page is its
 * own request, retried on its own when it fails for a reason that may pass (a connection refused, a
 * timeout, a 5xx, 408 or 429); the API refusing the request otherwise (another 4xx, such as 401 for
 * a wrong credential) gives the fetch up at once. A fetch given up lands nothing: the next one starts
 * from the first page again.
 */
final class HttpFetchRoutes extends FetchRoutes {

    /** Exchange property holding the {@link PagedDownload} of the fetch under way. */
    static final String DOWNLOAD = "RapportPagedDownload";
    private static final int REQUEST_TIMEOUT = 408;
    private static final int TOO_MANY_REQUESTS = 429;

    private final Transport.Http http;
    private final String secret;

    /** @param secret the value of the auth header, or null when the API needs none */
    HttpFetchRoutes(SourceDefinition source, Path landingDir, FetchSettings settings, Clock clock, String secret) {
        super(source, landingDir, settings, clock);
        this.http = (Transport.Http) source.transport();
        this.secret = secret;
    }

    @Override
    public String endpoint() {
        // the query is left out: it is the API's business, and some put keys there
        URI url = http.url();
        return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort())
                + (url.getRawPath() == null ? "" : url.getRawPath());
    }

    @Override
    void fetch(RouteDefinition route) {
        route.process(this::open)
                .loopDoWhile(exchange -> download(exchange).hasNextPage())
                    // nothing of the last response goes into the next request; the attempts count afresh
                    .removeHeaders("*")
                    .removeProperty(ATTEMPTS)
                    .setHeader(Exchange.HTTP_METHOD, constant("GET"))
                    .process(exchange -> exchange.getIn().setHeader(Exchange.HTTP_QUERY, download(exchange).nextQuery()))
                    .to(requestUri())
                    .process(exchange -> download(exchange).append(exchange.getIn().getBody(InputStream.class)))
                .end()
                .process(this::land);
    }

    @Override
    boolean isPermanent(Throwable fault) {
        HttpOperationFailedException refused = Faults.find(fault, HttpOperationFailedException.class);
        if (refused != null) {
            int status = refused.getStatusCode();
            return status >= 400 && status < 500 && status != REQUEST_TIMEOUT && status != TOO_MANY_REQUESTS;
        }
        return super.isPermanent(fault);
    }

    @Override
    void abandon(Exchange exchange) throws IOException {
        PagedDownload download = exchange.getProperty(DOWNLOAD, PagedDownload.class);
        if (download != null) {
            download.close();
        }
    }

    private void open(Exchange exchange) throws IOException {
        String name = LandingFolder.timestamped(source().name(), clock().instant(), ".json");
        exchange.setProperty(DOWNLOAD, new PagedDownload(http, landing().newFile(name), source().charset()));
    }

    private void land(Exchange exchange) throws IOException {
        try (PagedDownload download = download(exchange)) {
            if (download.land() != null) {
                exchange.setProperty(FILES_LANDED, 1L);
                exchange.setProperty(ROWS_LANDED, download.records());
            }
        }
    }

    private static PagedDownload download(Exchange exchange) {
        return exchange.getProperty(DOWNLOAD, PagedDownload.class);
    }

    /** The endpoint of this source's requests; the only place their options are chosen. */
    private String requestUri() {
        String headersName = "rapport-http-headers-" + source().name();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json");
        if (http.authHeader() != null) {
            headers.put(http.authHeader(), secret);
        }
        getContext().getRegistry().bind(headersName, new DefaultRequestHeaders(headers));
        long timeout = http.timeout().toMillis();
        Map<String, Object> options = new LinkedHashMap<>();
        // the bean's name also makes the endpoint this source's own, whatever other sources share its URL
        options.put("httpClientConfigurer", "#" + headersName);
        options.put("skipRequestHeaders", true);
        options.put("skipResponseHeaders", true);
        options.put("throwExceptionOnFailure", true);
        // the host is the definition's, checked against the allow-list: no redirect takes the request elsewhere
        options.put("followRedirects", false);
        options.put("connectTimeout", timeout);
        options.put("responseTimeout", timeout);
        options.put("connectionRequestTimeout", timeout);
        // scheme, host (allowed), port and the path as parsed: nothing else of the definition's URL
        return EndpointUri.of(endpoint(), options);
    }
}
