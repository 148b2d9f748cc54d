package org.rapport.integration.transport;

import java.util.List;
import java.util.Map;

import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.message.BasicHeader;

/**
 * Headers every request of one source's HTTP client sends, the credential's among them. Given to the
 * client rather than set on each Camel message, so the secret never travels in an exchange, where
 * tracing or an error report could show it.
 */
final class DefaultRequestHeaders implements HttpClientConfigurer {

    private final List<Header> headers;

    DefaultRequestHeaders(Map<String, String> headers) {
        this.headers = headers.entrySet().stream()
                .<Header>map(header -> new BasicHeader(header.getKey(), header.getValue())).toList();
    }

    @Override
    public void configureHttpClient(HttpClientBuilder clientBuilder) {
        clientBuilder.setDefaultHeaders(headers);
    }

    @Override
    public String toString() {
        // never the values: one of them is a secret
        return "DefaultRequestHeaders" + headers.stream().map(Header::getName).toList();
    }
}
