package org.rapport.integration.ivr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.rapport.engine.intake.SourceKind;
import org.rapport.integration.csv.DelimitedLayout;
import org.rapport.integration.csv.FieldConventions.Patterns;
import org.rapport.integration.source.SourceFormat;

/**
 * Asterisk's {@code cdr_csv} Master.csv ({@code asterisk-cdr-csv}): no header, strings quoted,
 * one row per call leg. The width says which columns a row has: the 16 defaults (accountcode …
 * amaflags), 18 with {@code uniqueid} and {@code userfield} (loguniqueid, loguserfield), or 21 with
 * {@code peeraccount}, {@code linkedid} and {@code sequence} as well (newcdrcolumns). Only the
 * 21-column file correlates the legs of a call by {@code linkedid}; narrower files give one call
 * per uniqueid, or per channel. How legs become a call: {@link CdrCall}; how a row becomes a leg:
 * {@link AsteriskLegs}. Files written by a Russian or Ukrainian PBX are often windows-1251: the
 * definition's charset says so.
 */
public final class AsteriskCdrCsvFormat {

    static final List<String> DEFAULT_COLUMNS = List.of("accountcode", "src", "dst", "dcontext", "clid", "channel",
            "dstchannel", "lastapp", "lastdata", "start", "answer", "end", "duration", "billsec", "disposition",
            "amaflags");
    static final Patterns TIMES = Patterns.of("yyyy-MM-dd HH:mm:ss");

    public static final SourceFormat FORMAT = new SourceFormat("asterisk-cdr-csv", Set.of(SourceKind.CALLS),
            kind -> Set.of("customer_id"), CdrFormat.OPTIONS, false,
            (definition, directory) -> new CdrFormat(definition, directory, layout(), TIMES, "src", AsteriskLegs::leg));

    private AsteriskCdrCsvFormat() {
    }

    static DelimitedLayout layout() {
        List<String> withIds = new ArrayList<>(DEFAULT_COLUMNS);
        withIds.addAll(List.of("uniqueid", "userfield"));
        List<String> all = new ArrayList<>(withIds);
        all.addAll(List.of("peeraccount", "linkedid", "sequence"));
        return DelimitedLayout.headerless(',', Map.of(DEFAULT_COLUMNS.size(), DEFAULT_COLUMNS, withIds.size(), withIds,
                all.size(), all));
    }
}
