package org.rapport.integration.rulesinbox;

import java.util.ArrayList;
import java.util.List;

import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;
import org.rapport.rules.engine.RuleFileSource;

/**
 * Collects the files one poll of the inbox picked up into one list: files dropped together — a rule and
 * the scenario that tests it — make one draft.
 */
final class DroppedTogether implements AggregationStrategy {

    @Override
    public Exchange aggregate(Exchange collected, Exchange dropped) {
        RuleFileSource file = new RuleFileSource(dropped.getIn().getHeader(Exchange.FILE_NAME_ONLY, String.class),
                dropped.getIn().getBody(byte[].class));
        if (collected == null) {
            List<RuleFileSource> files = new ArrayList<>();
            files.add(file);
            dropped.getIn().setBody(files);
            return dropped;
        }
        @SuppressWarnings("unchecked")
        List<RuleFileSource> files = collected.getIn().getBody(List.class);
        files.add(file);
        return collected;
    }
}
