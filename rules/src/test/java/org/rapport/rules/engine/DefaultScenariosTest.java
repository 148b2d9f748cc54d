package org.rapport.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The scenarios shipped with the default rule set pass, as validation of a new installation's first version runs them. */
class DefaultScenariosTest {

    @Test
    @DisplayName("the default rule set and its scenarios validate with no problem")
    void defaultRuleSetValidates() {
        List<RuleFileSource> files = new ArrayList<>(DefaultRuleSet.files());
        files.addAll(DefaultRuleSet.scenarios());

        RuleSetValidation validation = new RuleSetValidator().validate(files);

        assertThat(validation.messages()).isEmpty();
        assertThat(validation.valid()).isTrue();
        assertThat(validation.scenarios()).hasSize(8).allMatch(ScenarioResult::passed);
        assertThat(validation.ruleSet()).isPresent();
    }

    @Test
    @DisplayName("scenarios are listed apart from the rule files")
    void listedApart() {
        assertThat(DefaultRuleSet.scenarios()).extracting(RuleFileSource::name).allMatch(name -> name.endsWith(".scenario.json"));
        assertThat(DefaultRuleSet.files()).extracting(RuleFileSource::name).noneMatch(name -> name.endsWith(".json"));
    }
}
