package org.rapport.integration.source;

import java.util.Map;
import java.util.Optional;

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
