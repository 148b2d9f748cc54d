package org.rapport.integration.sample;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Purchases: each customer's monthly charge on their billing day in each month of the sample they
 * were a customer on that day, plus an occasional add-on. Each has the billing system's id.
 */
final class SamplePurchases {

    static final List<String> COLUMNS = List.of("purchase_id", "customer_id", "purchased_on", "amount",
            "product_category");

    static final Map<String, String> PLAN_BY_INTERNET_SERVICE = Map.of(
            "Fiber optic", "fibre-plan",
            "DSL", "broadband-plan",
            "No", "phone-plan");

    /** Add-ons with their prices; a blank price is drawn between 12 and 60. */
    static final List<AddOn> ADD_ONS = List.of(
            new AddOn("streaming-bundle", new BigDecimal("9.99")),
            new AddOn("device-protection", new BigDecimal("7.50")),
            new AddOn("data-boost", new BigDecimal("5.00")),
            new AddOn("router-upgrade", new BigDecimal("49.00")),
            new AddOn("handset-accessory", null));

    static final double ADD_ON_CHANCE_PER_MONTH = 0.07;
    static final int LATEST_BILLING_DAY = 28;

    record AddOn(String category, BigDecimal price) {
    }

    record Purchase(String purchaseId, String customerId, LocalDate purchasedOn, BigDecimal amount, String category) {

        Purchase withId(String id) {
            return new Purchase(id, customerId, purchasedOn, amount, category);
        }

        List<Object> values() {
            return List.of(purchaseId, customerId, purchasedOn, amount.setScale(2).toPlainString(), category);
        }
    }

    private SamplePurchases() {
    }

    static List<Purchase> generate(List<SampleCustomer> customers, YearMonth firstMonth, YearMonth lastMonth,
            Draws draws) {
        List<Purchase> purchases = new ArrayList<>();
        for (SampleCustomer customer : customers) {
            int billingDay = Math.min(customer.customerSince().getDayOfMonth(), LATEST_BILLING_DAY);
            for (YearMonth month = firstMonth; !month.isAfter(lastMonth); month = month.plusMonths(1)) {
                LocalDate billedOn = month.atDay(billingDay);
                if (!customer.isCustomerOn(billedOn)) {
                    continue;
                }
                purchases.add(new Purchase(null, customer.source().id(), billedOn, customer.source().monthlyCharges(),
                        PLAN_BY_INTERNET_SERVICE.get(customer.source().internetService())));
                if (draws.chance(ADD_ON_CHANCE_PER_MONTH)) {
                    AddOn addOn = draws.oneOf(ADD_ONS);
                    BigDecimal price = addOn.price() != null ? addOn.price()
                            : BigDecimal.valueOf(draws.between(1200, 6000), 2);
                    purchases.add(new Purchase(null, customer.source().id(), billedOn, price, addOn.category()));
                }
            }
        }
        purchases.sort(Comparator.comparing(Purchase::purchasedOn).thenComparing(Purchase::customerId)
                .thenComparing(Purchase::category));
        List<Purchase> numbered = new ArrayList<>();
        for (Purchase purchase : purchases) {
            numbered.add(purchase.withId(String.format("PUR-%06d", numbered.size() + 1)));
        }
        return numbered;
    }
}
