package org.rapport.integration.source;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A second file that completes each delivered file, joined row by row on a key: the IBM telco
 * status table beside its customers table. The companion's name follows from the delivered file's:
 * {@code match} is a regular expression over the delivered name, and {@code file} may use its
 * groups as {@code {1}}, {@code {2}}… ({@code telco_customers_(.*)\.csv} → {@code telco_status_{1}.csv}).
 *
 * @param file          the companion's file name, possibly with group references
 * @param match         the pattern a delivered name must match, or null to use {@code file} as it is
 * @param directory     where the companion is, or null for the transport's folder
 * @param mainKey       the join column in the delivered file
 * @param companionKey  the join column in the companion
 */
public record Companion(String file, Pattern match, Path directory, String mainKey, String companionKey) {

    /** The companion's file name for a delivered file, or null when the delivered name does not match. */
    public String fileFor(String deliveredName) {
        if (match == null) {
            return file;
        }
        Matcher matcher = match.matcher(deliveredName);
        if (!matcher.matches()) {
            return null;
        }
        String name = file;
        for (int group = matcher.groupCount(); group >= 1; group--) {
            name = name.replace("{" + group + "}", matcher.group(group) == null ? "" : matcher.group(group));
        }
        return name;
    }
}
