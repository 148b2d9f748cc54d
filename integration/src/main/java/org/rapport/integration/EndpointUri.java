package org.rapport.integration;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A Camel endpoint URI whose options are each URL-encoded, so that no value (a cron, a user name, a
 * path) can end its option and start another with {@code &}. Values from a definition are checked
 * when it is loaded; this is the second half of the rule: they are never pasted in as they are.
 */
public final class EndpointUri {

    private EndpointUri() {
    }

    /** {@code base} followed by the options, in their order, each name and value encoded. */
    public static String of(String base, Map<String, ?> options) {
        if (base.indexOf('?') >= 0 || base.indexOf('#') >= 0) {
            throw new IllegalArgumentException("an endpoint's base carries no query or fragment: " + base);
        }
        if (options.isEmpty()) {
            return base;
        }
        StringJoiner query = new StringJoiner("&", base + "?", "");
        options.forEach((name, value) -> query.add(encode(name) + "=" + encode(String.valueOf(value))));
        return query.toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
