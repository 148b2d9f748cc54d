package org.rapport.rules.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.rapport.rules.facts.RequestTheme;
import org.rapport.rules.facts.RequestThemeCount;

/**
 * A month's request themes added up page by page: each page of comments and cases is counted in a
 * session of its own ({@link CompiledRuleSet#countThemes}), so a month's texts are never all in memory.
 * Holds counts only, never a text. Not thread-safe: one per evaluation.
 */
public final class RequestThemeTally {

    private final Map<RequestTheme, Integer> mentions = new LinkedHashMap<>();

    /** Adds one page's counts. */
    public RequestThemeTally add(List<RequestThemeCount> page) {
        page.forEach(count -> mentions.merge(count.theme(), count.mentions(), Integer::sum));
        return this;
    }

    /** The month's counts, most mentioned first, as one evaluation would have counted them. */
    public List<RequestThemeCount> counts() {
        List<RequestThemeCount> counts = new ArrayList<>();
        mentions.forEach((theme, count) -> counts.add(new RequestThemeCount(theme, count)));
        counts.sort(CompiledRuleSet.MOST_MENTIONED_FIRST);
        return counts;
    }
}
