package org.rapport.integration.source;

import java.util.Map;
import java.util.Optional;

import org.rapport.engine.customer.IdentifierKind;

/**
 * Finds the customer behind an account number or a telephone number. The CRM is the master of both;
 * the engine keeps them as keyed hashes ({@link EngineCustomerDirectory}); {@link #NONE} knows nobody,
 * and contacts it cannot match are kept as unknown callers. Implementations must be thread-safe.
 */
public interface CustomerDirectory {

    /** Knows no customer: every contact matched by account or caller number stays unmatched. */
    CustomerDirectory NONE = new CustomerDirectory() {
        @Override
        public Optional<String> byAccountNumber(String accountNumber) {
            return Optional.empty();
        }

        @Override
        public Optional<String> byPhoneNumber(String digits) {
            return Optional.empty();
        }
    };

    /** The customer id holding an account. */
    Optional<String> byAccountNumber(String accountNumber);

    /** The customer id of a telephone number given as digits only, without a leading plus. */
    Optional<String> byPhoneNumber(String digits);

    /**
     * What a contact known by a number no customer holds yet is kept under, so that a later customer file
     * giving the number matches it without a re-delivery; empty: it is kept as an unknown caller for good.
     */
    default Optional<String> awaiting(IdentifierKind kind, String value) {
        return Optional.empty();
    }

    /** A fixed directory, for tests and small installations. */
    static CustomerDirectory of(Map<String, String> customerByAccount, Map<String, String> customerByPhone) {
        Map<String, String> accounts = Map.copyOf(customerByAccount);
        Map<String, String> phones = Map.copyOf(customerByPhone);
        return new CustomerDirectory() {
            @Override
            public Optional<String> byAccountNumber(String accountNumber) {
                return Optional.ofNullable(accounts.get(accountNumber));
            }

            @Override
            public Optional<String> byPhoneNumber(String digits) {
                return Optional.ofNullable(phones.get(digits));
            }
        };
    }
}
