package org.rapport.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rapport.rules.facts.CustomerProfile;
import org.rapport.rules.facts.EngagementScore;

/** {@link CompiledRuleSet#score}: batches of customers per session, a loop guard per customer, clear runtime errors. */
class CustomerScoringTest {

    private static final String PACKAGE = "package org.rapport.rules;\n"
            + "import org.rapport.rules.facts.CustomerProfile;\n"
            + "import org.rapport.rules.facts.EngagementScore;\n";

    @Test
    @DisplayName("more customers than one session holds are all scored, batch after batch in the order given")
    void severalBatches() throws InvalidRuleSetException {
        CompiledRuleSet rules = new RuleSetCompiler().compile(DefaultRuleSet.files());
        int customers = CompiledRuleSet.CUSTOMERS_PER_SESSION * 2 + 7;
        List<CustomerProfile> profiles = new ArrayList<>();
        IntStream.range(0, customers).forEach(number -> profiles.add(
                new CustomerProfile(String.format("C-%06d", number)).consentToAnalytics(true).productsHeld(number % 5)));

        List<EngagementScore> scores = rules.score(profiles).scores();

        assertThat(scores).hasSize(customers);
        assertThat(scores).extracting(EngagementScore::getCustomerRef).isSorted().doesNotHaveDuplicates();
        assertThat(scores).allSatisfy(score -> assertThat(score.getStage()).isNotNull());
    }

    @Test
    @DisplayName("no customers, or none who consented, score nothing")
    void nobodyToScore() throws InvalidRuleSetException {
        CompiledRuleSet rules = new RuleSetCompiler().compile(DefaultRuleSet.files());

        assertThat(rules.score(List.of()).scores()).isEmpty();
        assertThat(rules.score(List.of(new CustomerProfile("C-1"))).scores()).isEmpty();
    }

    @Test
    @DisplayName("a customer rule that loops is stopped at the per-customer limit, naming the rule")
    void loopPerCustomer() throws InvalidRuleSetException {
        CompiledRuleSet looping = new RuleSetCompiler(1_000, 10).compile(List.of(RuleFileSource.ofText("loop.drl", PACKAGE
                + "rule \"A customer rule that never settles\"\n"
                + "when\n"
                + "    $customer : CustomerProfile()\n"
                + "then\n"
                + "    update( $customer );\n"
                + "end\n")));

        RuleEvaluationException error = catchThrowableOfType(RuleEvaluationException.class,
                () -> looping.score(List.of(new CustomerProfile("C-1").consentToAnalytics(true),
                        new CustomerProfile("C-2").consentToAnalytics(true))));

        assertThat(error).hasMessageContaining("stopped after 20 firings")
                .hasMessageContaining("A customer rule that never settles");
        assertThat(error.ruleName()).isEqualTo("A customer rule that never settles");
    }

    @Test
    @DisplayName("a rule that divides by zero at run time fails with an error naming the rule and its file")
    void divisionByZero() throws InvalidRuleSetException {
        CompiledRuleSet dividing = new RuleSetCompiler().compile(List.of(RuleFileSource.ofText("ratio.drl", PACKAGE
                + "rule \"Products per year of tenure\"\n"
                + "when\n"
                + "    $customer : CustomerProfile()\n"
                + "then\n"
                + "    int perYear = $customer.getProductsHeld() / ( $customer.getTenureMonths() / 12 );\n"
                + "end\n")));

        RuleEvaluationException error = catchThrowableOfType(RuleEvaluationException.class,
                () -> dividing.score(List.of(new CustomerProfile("C-1").consentToAnalytics(true).tenureMonths(5))));

        assertThat(error).hasMessage("Rule \"Products per year of tenure\" in ratio.drl failed:"
                + " java.lang.ArithmeticException: / by zero");
        assertThat(error.ruleName()).isEqualTo("Products per year of tenure");
        assertThat(error.file()).isEqualTo("ratio.drl");
    }

    @Test
    @DisplayName("a condition that divides by zero fails with an error naming the rule and its file")
    void divisionByZeroInCondition() throws InvalidRuleSetException {
        CompiledRuleSet dividing = new RuleSetCompiler().compile(List.of(RuleFileSource.ofText("ratio.drl", PACKAGE
                + "import java.math.BigDecimal;\n"
                + "rule \"Customers with more products than years\"\n"
                + "when\n"
                + "    $customer : CustomerProfile( BigDecimal.valueOf( productsHeld ).divide( BigDecimal.valueOf( tenureMonths / 12 ) ).intValue() > 1 )\n"
                + "then\n"
                + "end\n")));

        RuleEvaluationException error = catchThrowableOfType(RuleEvaluationException.class,
                () -> dividing.score(List.of(new CustomerProfile("C-1").consentToAnalytics(true).tenureMonths(5))));

        assertThat(error).hasMessageContaining("Customers with more products than years")
                .hasMessageContaining("ratio.drl").hasMessageContaining("java.lang.ArithmeticException");
        assertThat(error.file()).isEqualTo("ratio.drl");
    }
}
