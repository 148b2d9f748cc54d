package org.rapport.engine.snapshot;

import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes personal data from a survey comment before it can reach a board pack. Deliberately simple
 * and conservative — it would rather remove a harmless figure than let an account number through:
 *
 * <ul>
 * <li>web addresses and e-mail addresses;</li>
 * <li>the commenting customer's own id, and anything shaped like a customer or account reference:
 *     a token of letters and digits with at least three digits (e.g. {@code 7590-VHVEG}, {@code AB123456});</li>
 * <li>digit runs that look like phone, account, card or sort-code numbers: five or more digits in a row,
 *     or six or more digits separated only by spaces, dots, dashes or brackets;</li>
 * <li>names where the comment introduces them ("my name is …", "I'm …", "this is …", "call me …",
 *     sign-offs such as "thanks …", "regards …") and after titles (Mr, Mrs, Ms, Miss, Dr): up to three
 *     capitalised words there.</li>
 * </ul>
 *
 * Names cannot be recognised reliably anywhere else in free text; the pack therefore only quotes
 * customers who consented to analytics, and a name written without one of those cues gets through.
 * Each removal reads "[removed]".
 */
public final class VerbatimScrubber {

    public static final String REMOVED = "[removed]";

    /** Longest verbatim quoted, in characters; longer comments are cut at a word and end with "…". */
    static final int MAX_LENGTH = 280;

    private static final Pattern WEB_ADDRESS = Pattern.compile("(?i)\\b(?:https?://|www\\.)\\S+");
    private static final Pattern EMAIL = Pattern.compile(
            "[\\p{L}\\p{N}._%+-]+\\s*(?:@|\\(at\\)|\\[at\\])\\s*[\\p{L}\\p{N}-]+(?:\\s*\\.\\s*[\\p{L}\\p{N}-]+)+");
    private static final Pattern TOKEN = Pattern.compile(
            "(?<![\\p{L}\\p{N}])[\\p{L}\\p{N}]+(?:[-_/][\\p{L}\\p{N}]+)*(?![\\p{L}\\p{N}])");
    private static final Pattern DIGIT_RUN = Pattern.compile("\\+?\\(?\\d(?:[\\s.()\\-]{0,3}\\d)+\\)?");
    private static final Pattern INTRODUCED_NAME = Pattern.compile(
            "(?i:\\b(?:my name is|my name's|name's|i am|i'm|i’m|this is|call me|thanks|thank you|regards|cheers"
                    + "|signed|sincerely|(?:mr|mrs|ms|miss|dr)\\.?))"
                    + "[ \\t]*,?[ \\t]+"
                    // a sentence going on ("Thanks, The engineer …") is not a name
                    + "(?!(?:The|A|An|I|It|We|You|My|Your|Our|This|That|For|But|And|So|Very|Not|All|Again|Everything"
                    + "|Nothing|Please|Great|Good|Bad)\\b)"
                    + "(\\p{Lu}[\\p{L}'’-]*(?:[ \\t]+\\p{Lu}[\\p{L}'’-]*){0,2})");
    private static final Pattern REPEATED_REMOVAL = Pattern.compile(
            Pattern.quote(REMOVED) + "(?:[\\s,.;:/-]*" + Pattern.quote(REMOVED) + ")+");

    private VerbatimScrubber() {
    }

    /**
     * @param comment   the comment as stored; may be null
     * @param knownIds  ids of customers that must not appear (at least the commenter's own); may be empty
     * @return the scrubbed comment, whitespace normalised and cut to {@value #MAX_LENGTH} characters, or
     *         null when nothing readable is left
     */
    public static String scrub(String comment, Collection<String> knownIds) {
        if (comment == null) {
            return null;
        }
        String text = comment.replaceAll("\\s+", " ").strip();
        for (String id : knownIds) {
            if (id != null && !id.isBlank()) {
                text = Pattern.compile(Pattern.quote(id.strip()), Pattern.CASE_INSENSITIVE).matcher(text)
                        .replaceAll(Matcher.quoteReplacement(REMOVED));
            }
        }
        text = WEB_ADDRESS.matcher(text).replaceAll(REMOVED);
        text = EMAIL.matcher(text).replaceAll(REMOVED);
        text = replaceIf(TOKEN, text, VerbatimScrubber::looksLikeReference);
        text = replaceIf(DIGIT_RUN, text, VerbatimScrubber::looksLikeNumber);
        text = removeIntroducedNames(text);
        text = REPEATED_REMOVAL.matcher(text).replaceAll(Matcher.quoteReplacement(REMOVED));
        text = shorten(text.strip());
        return text.replace(REMOVED, "").replaceAll("[\\p{Punct}\\s]", "").isEmpty() ? null : text;
    }

    /** Letters and at least three digits, or five digits or more: a customer, account or order reference. */
    static boolean looksLikeReference(String token) {
        long digits = token.chars().filter(Character::isDigit).count();
        boolean letters = token.chars().anyMatch(Character::isLetter);
        return letters ? digits >= 3 : digits >= 5;
    }

    /** Five digits in a row, or six in all: phone, account, card and sort-code numbers. */
    static boolean looksLikeNumber(String run) {
        long digits = run.chars().filter(Character::isDigit).count();
        return digits >= 6 || run.matches(".*\\d{5,}.*");
    }

    private static String replaceIf(Pattern pattern, String text, java.util.function.Predicate<String> personal) {
        Matcher matcher = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String found = matcher.group();
            matcher.appendReplacement(out, Matcher.quoteReplacement(personal.test(found) ? REMOVED : found));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String removeIntroducedNames(String text) {
        Matcher matcher = INTRODUCED_NAME.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String whole = matcher.group();
            String name = matcher.group(1);
            String kept = whole.substring(0, whole.length() - name.length());
            matcher.appendReplacement(out, Matcher.quoteReplacement(kept + REMOVED));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String shorten(String text) {
        if (text.length() <= MAX_LENGTH) {
            return text;
        }
        int cut = text.lastIndexOf(' ', MAX_LENGTH - 1);
        return text.substring(0, cut > MAX_LENGTH / 2 ? cut : MAX_LENGTH - 1).strip() + "…";
    }
}
