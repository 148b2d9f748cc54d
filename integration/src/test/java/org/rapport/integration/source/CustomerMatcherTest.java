package org.rapport.integration.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.rapport.engine.customer.IdentifierKind;

/** A delivered identifier becomes a customer reference; a number nobody holds yet waits for its customer. */
class CustomerMatcherTest {

    /** Knows one account and one telephone number, and keeps other numbers under a visible stand-in. */
    private static final CustomerDirectory DIRECTORY = new CustomerDirectory() {
        private final CustomerDirectory known = CustomerDirectory.of(Map.of("AC1", "C-1"), Map.of("442079460001", "C-2"));

        @Override
        public Optional<String> byAccountNumber(String accountNumber) {
            return known.byAccountNumber(accountNumber);
        }

        @Override
        public Optional<String> byPhoneNumber(String digits) {
            return known.byPhoneNumber(digits);
        }

        @Override
        public Optional<String> awaiting(IdentifierKind kind, String value) {
            return Optional.of("awaiting " + kind + " " + value);
        }
    };

    @Test
    void aKnownNumberIsItsCustomer() {
        assertThat(new CustomerMatcher(CustomerMatch.ACCOUNT_NUMBER, DIRECTORY).customerRef(" AC1 ")).isEqualTo("C-1");
        assertThat(new CustomerMatcher(CustomerMatch.CALLER_NUMBER, DIRECTORY).customerRef("+44 20 7946 0001"))
                .isEqualTo("C-2");
    }

    @Test
    void aNumberNobodyHoldsYetIsKeptUnderWhatTheDirectoryResolvesLater() {
        assertThat(new CustomerMatcher(CustomerMatch.CALLER_NUMBER, DIRECTORY).customerRef("+44 (161) 496-0099"))
                .as("digits only, as the directory sees numbers").isEqualTo("awaiting PHONE_NUMBER 441614960099");
        assertThat(new CustomerMatcher(CustomerMatch.ACCOUNT_NUMBER, DIRECTORY).customerRef("AC9"))
                .isEqualTo("awaiting ACCOUNT_NUMBER AC9");
    }

    @Test
    void aDirectoryThatKeepsNoStandInLeavesTheContactUnknownAndABlankIdentifierIsNobody() {
        assertThat(new CustomerMatcher(CustomerMatch.CALLER_NUMBER, CustomerDirectory.NONE).customerRef("0161 496 0099"))
                .isNull();
        assertThat(new CustomerMatcher(CustomerMatch.CALLER_NUMBER, DIRECTORY).customerRef("  ")).isNull();
        assertThat(new CustomerMatcher(CustomerMatch.CUSTOMER_ID, DIRECTORY).customerRef(" C-7 ")).isEqualTo("C-7");
    }
}
