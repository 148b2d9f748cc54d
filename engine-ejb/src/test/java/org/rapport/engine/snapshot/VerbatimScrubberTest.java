package org.rapport.engine.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What is left of a survey comment before a board pack may quote it. */
class VerbatimScrubberTest {

    private static String scrub(String comment) {
        return VerbatimScrubber.scrub(comment, List.of());
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("personal data is replaced by [removed]")
    @CsvSource(delimiter = '|', textBlock = """
            Write to jo.bloggs+billing@example.co.uk please       | Write to [removed] please
            Mail me at jo (at) example . com                      | Mail me at [removed]
            See https://example.com/account?id=77 for details     | See [removed] for details
            Ring 07700 900123 after six                           | Ring [removed] after six
            Ring +44 (0)20 7946 0958 after six                    | Ring [removed] after six
            Call 0800-123-456 back                                | Call [removed] back
            Account 12345678 was charged twice                    | Account [removed] was charged twice
            Card 4111 1111 1111 1111 declined                     | Card [removed] declined
            Sort code 12-34-56 is wrong                           | Sort code [removed] is wrong
            Ref 98765 still open                                  | Ref [removed] still open
            My id is 7590-VHVEG and nobody helped                 | My id is [removed] and nobody helped
            Reference AB123456 lost                               | Reference [removed] lost
            My name is Jo Bloggs and I waited                     | My name is [removed] and I waited
            Hi, I'm Priya. The app crashed                        | Hi, I'm [removed]. The app crashed
            Ask for Mrs Okafor at the shop                        | Ask for Mrs [removed] at the shop
            Great service. Thanks, Dave                           | Great service. Thanks, [removed]
            Call me on 07700900123 or jo@example.com              | Call me on [removed] or [removed]
            """)
    void removed(String comment, String scrubbed) {
        assertThat(scrub(comment)).isEqualTo(scrubbed);
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("ordinary figures and words stay")
    @CsvSource(delimiter = '|', textBlock = """
            I waited 45 minutes on 3 calls in 2026
            The bill went up by £12.50 without warning
            Open 24/7 but nobody answers after 8pm
            The 5G signal drops; the engineer was on time
            Thanks, the engineer explained everything
            I am Very disappointed
            This is the third time I ask
            """)
    void kept(String comment) {
        assertThat(scrub(comment)).isEqualTo(comment);
    }

    @Test
    @DisplayName("the commenter's own id is removed wherever it appears, in any case")
    void ownId() {
        assertThat(VerbatimScrubber.scrub("I am customer zz9 and ZZ9 again", Set.of("ZZ9")))
                .isEqualTo("I am customer [removed] and [removed] again");
    }

    @Test
    @DisplayName("a comment that is nothing but personal data is not quoted at all")
    void nothingLeft() {
        assertThat(scrub("jo@example.com 07700 900123")).isNull();
        assertThat(scrub("   ")).isNull();
        assertThat(scrub(null)).isNull();
    }

    @Test
    @DisplayName("whitespace is normalised and a long comment is cut at a word")
    void shortened() {
        String text = scrub("word ".repeat(100) + "\n end");
        assertThat(text).hasSizeLessThanOrEqualTo(VerbatimScrubber.MAX_LENGTH + 1).endsWith("word…")
                .doesNotContain("  ");
    }
}
