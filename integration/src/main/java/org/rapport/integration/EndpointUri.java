package org.rapport.integration;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * A Camel endpoint URI whose options are each URL-encoded, so that no value (a cron, a user name, a
 * path) can end its option and start another with {@code &}. Values from a definition are checked
 * when it is loaded; this is the second half of the rule: they are never pasted in as they are.
 * A folder, the one part that is not an option, is held to the characters a path needs ({@link #folder}).
 */
public final class EndpointUri {

    /**
     * What a folder's path may hold: letters, digits, spaces and {@code . _ - ~ / \ :}. Camel reads the rest in an
     * endpoint's path as its own: {@code ?} and {@code #} start options, {@code %} and {@code +} are unescaped,
     * {@code &}, {@code =} and {@code ,} are taken for options by some components, {@code {{…}}} are property
     * placeholders and {@code ${…}} expressions.
     */
    private static final Pattern FOLDER = Pattern.compile("[\\p{L}\\p{N} ._~/\\\\:-]+");

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

    /**
     * The base of a file endpoint on {@code folder}: {@code file:/var/lib/rapport/crm-outbox}.
     *
     * @throws IllegalArgumentException naming the folder when it holds a character Camel would read as its own
     */
    public static String folder(Path folder) {
        String path = folder.toString();
        if (!FOLDER.matcher(path).matches()) {
            throw new IllegalArgumentException("The folder '" + path + "' may hold letters, digits, spaces and"
                    + " . _ - ~ / \\ : only: Camel would read any other character in it as an option, an escape or an"
                    + " expression");
        }
        return "file:" + path;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
