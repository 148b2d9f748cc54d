package org.rapport.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rapport.reports.Snapshots.Raw;

/**
 * No personal data in a pack (DESIGN.md, Privacy): customers' comments full of contact details,
 * account numbers and ids go through the snapshot's scrubber, the pack is rendered, and its text is
 * scanned for anything that looks personal.
 */
class PackPrivacyTest {

    private static final Pattern EMAIL = Pattern.compile("[\\p{L}\\p{N}._%+-]+\\s*@\\s*[\\p{L}\\p{N}-]+(\\.[\\p{L}\\p{N}-]+)+");
    /**
     * Nine or more digits with at most spaces, dashes or brackets between them (not dots or commas: a table
     * row's figures, "4,400 748 17.0 %", are not a phone number).
     */
    private static final Pattern PHONE = Pattern.compile("\\+?\\d(?:[\\s()\\-]{0,2}\\d){8,}");
    /** Six or more digits in a row: account, card or sort-code-like numbers. */
    private static final Pattern ACCOUNT = Pattern.compile("\\d{6,}");
    /** The sample company's customer ids, e.g. 7590-VHVEG. */
    private static final Pattern CUSTOMER_ID = Pattern.compile("\\b\\d{4}-[A-Z]{5}\\b");
    /** The lineage prints files' SHA-256 digests on purpose; they are hex, not personal, and are taken out first. */
    private static final Pattern DIGEST = Pattern.compile("\\b[0-9a-f]{64}\\b");

    private static final List<String> NAMES = List.of("Jo Bloggs", "Bloggs", "Priya", "Okafor", "Dave");

    private static final List<Raw> COMMENTS = List.of(
            new Raw("detractor", "call", 1, "Ring me on 07700 900123 or +44 (0)20 7946 0958, my name is Jo Bloggs.",
                    "7590-VHVEG"),
            new Raw("detractor", "web", 0, "Email jo.bloggs+complaints@example.co.uk about account 12345678 and "
                    + "card 4111 1111 1111 1111, sort code 12-34-56.", "5575-GNVDE"),
            new Raw("detractor", "call", 3, "I'm Priya, customer 3668-QPYBK, my husband is 5575-GNVDE. "
                    + "Ask for Mrs Okafor in billing.", "3668-QPYBK"),
            new Raw("promoter", "visit", 10, "Thanks, Dave! Reference 0800123456 sorted in a day.", "7590-VHVEG"),
            new Raw("promoter", "app", 9, "7590-VHVEG", "7590-VHVEG"));

    private static String text;

    @BeforeAll
    static void render() {
        text = RenderedPack.of(BoardPackRendererTest.RENDERER.render(
                Snapshots.october2026(Snapshots.verbatims(COMMENTS)))).text;
    }

    @Test
    @DisplayName("the comments are quoted, with what was personal in them replaced")
    void quotedScrubbed() {
        assertThat(text).contains("“Ring me on [removed] or [removed], my name is [removed].”")
                .contains("“Thanks, [removed]! Reference [removed] sorted in a day.”")
                .contains("[removed]");
    }

    @Test
    @DisplayName("a comment that was nothing but personal data is left out")
    void nothingLeftOut() {
        assertThat(text).doesNotContain("Promoter (NPS 9), app");
    }

    @Test
    @DisplayName("no e-mail address, phone, account or card number, customer id or name is left in the pack")
    void noPersonalData() {
        String scanned = DIGEST.matcher(text).replaceAll("<sha-256>");

        assertThat(found(EMAIL, scanned)).isEmpty();
        assertThat(found(PHONE, scanned)).isEmpty();
        assertThat(found(ACCOUNT, scanned)).isEmpty();
        assertThat(found(CUSTOMER_ID, scanned)).isEmpty();
        assertThat(scanned).doesNotContain(Snapshots.FIXTURE_CUSTOMER_IDS).doesNotContain(NAMES);
    }

    @Test
    @DisplayName("the scan itself finds such data when it is there")
    void scanWorks() {
        String leaky = "jo@example.com 07700 900123 12345678 7590-VHVEG";
        assertThat(found(EMAIL, leaky)).containsExactly("jo@example.com");
        assertThat(found(PHONE, leaky)).isNotEmpty();
        assertThat(found(ACCOUNT, leaky)).contains("12345678");
        assertThat(found(CUSTOMER_ID, leaky)).containsExactly("7590-VHVEG");
    }

    private static List<String> found(Pattern pattern, String in) {
        Matcher matcher = pattern.matcher(in);
        return matcher.results().map(result -> result.group()).toList();
    }
}
