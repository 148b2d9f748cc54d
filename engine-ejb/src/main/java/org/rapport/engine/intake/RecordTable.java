package org.rapport.engine.intake;

import java.sql.Types;
import java.util.List;
import java.util.function.Function;

/**
 * Where each kind of record is stored, column by column, and what identifies it: the table, its
 * sequence, the columns a delivery sets (in the order {@link #values} gives them) and the record's own
 * key. Contact records (calls, responses, purchases, service cases) are keyed by source and record key;
 * customers by their external id alone, since the CRM is the one master of its customers. Immutable.
 *
 * @param table          the table's name
 * @param keyColumn      the column holding the record's key
 * @param scopedBySource whether the key is unique per source (contacts) or across sources (customers)
 * @param versioned      whether the table has an optimistic-lock version to move on an update
 * @param columns        the columns a delivery sets, besides id, key, source, batch and fingerprint
 * @param naturalKey     the id the source gives the record, or null when it gives none
 * @param values         the record's values in the order of {@code columns}
 */
record RecordTable(String table, String keyColumn, boolean scopedBySource, boolean versioned, List<Column> columns,
        Function<CanonicalRecord, String> naturalKey, Function<CanonicalRecord, Object[]> values) {

    /** A column and the SQL type a null in it is bound as. */
    record Column(String name, int sqlType) {
    }

    static final RecordTable CALLS = new RecordTable("call_record", "record_key", true, false, List.of(
            new Column("customer_ref", Types.VARCHAR), new Column("call_ref", Types.VARCHAR),
            new Column("started_at", Types.TIMESTAMP), new Column("ivr_seconds", Types.INTEGER),
            new Column("queue_seconds", Types.INTEGER), new Column("talk_seconds", Types.INTEGER),
            new Column("outcome", Types.VARCHAR), new Column("wanted_agent", Types.BOOLEAN),
            new Column("transfers", Types.INTEGER), new Column("times_reidentified", Types.INTEGER),
            new Column("agent_saw_history", Types.BOOLEAN), new Column("channel", Types.VARCHAR)),
            record -> ((CallRecord) record).callRef(),
            record -> {
                CallRecord call = (CallRecord) record;
                return new Object[] {call.customerRef(), call.callRef(), call.startedAt(), call.ivrSeconds(),
                    call.queueSeconds(), call.talkSeconds(), call.outcome(), call.wantedAgent(), call.transfers(),
                    call.timesReidentified(), call.agentSawHistory(), call.channel()};
            });

    static final RecordTable SURVEY_RESPONSES = new RecordTable("survey_response", "record_key", true, false,
            List.of(new Column("customer_ref", Types.VARCHAR), new Column("response_ref", Types.VARCHAR),
                    new Column("responded_at", Types.TIMESTAMP), new Column("survey", Types.VARCHAR),
                    new Column("touchpoint", Types.VARCHAR), new Column("nps", Types.INTEGER),
                    new Column("csat", Types.INTEGER), new Column("effort", Types.INTEGER),
                    new Column("comment_text", Types.VARCHAR)),
            record -> ((SurveyResponseRecord) record).responseRef(),
            record -> {
                SurveyResponseRecord response = (SurveyResponseRecord) record;
                return new Object[] {response.customerRef(), response.responseRef(), response.respondedAt(),
                    response.survey(), response.touchpoint(), response.nps(), response.csat(), response.effort(),
                    response.comment()};
            });

    static final RecordTable PURCHASES = new RecordTable("purchase", "record_key", true, false, List.of(
            new Column("customer_ref", Types.VARCHAR), new Column("purchased_on", Types.DATE),
            new Column("amount", Types.NUMERIC), new Column("product_category", Types.VARCHAR)),
            record -> ((PurchaseRecord) record).purchaseRef(),
            record -> {
                PurchaseRecord purchase = (PurchaseRecord) record;
                return new Object[] {purchase.customerRef(), purchase.purchasedOn(), purchase.amount(),
                    purchase.productCategory()};
            });

    static final RecordTable SERVICE_CASES = new RecordTable("service_case", "record_key", true, false, List.of(
            new Column("customer_ref", Types.VARCHAR), new Column("opened_at", Types.TIMESTAMP_WITH_TIMEZONE),
            new Column("closed_at", Types.TIMESTAMP_WITH_TIMEZONE), new Column("channel", Types.VARCHAR),
            new Column("kind", Types.VARCHAR), new Column("category", Types.VARCHAR),
            new Column("text", Types.VARCHAR)),
            record -> ((ServiceCaseRecord) record).caseRef(),
            record -> {
                ServiceCaseRecord serviceCase = (ServiceCaseRecord) record;
                return new Object[] {serviceCase.customerRef(), serviceCase.openedAt(), serviceCase.closedAt(),
                    serviceCase.channel(), serviceCase.kind(), serviceCase.category(), serviceCase.text()};
            });

    static final RecordTable CUSTOMERS = new RecordTable("customer", "external_id", false, true, List.of(
            new Column("segment", Types.VARCHAR), new Column("region", Types.VARCHAR),
            new Column("value_band", Types.VARCHAR), new Column("customer_since", Types.DATE),
            new Column("status", Types.VARCHAR), new Column("churned_on", Types.DATE),
            new Column("churn_reason", Types.VARCHAR), new Column("annual_value", Types.NUMERIC),
            new Column("preferred_channel", Types.VARCHAR), new Column("consent_analytics", Types.BOOLEAN),
            new Column("consent_contact", Types.BOOLEAN)),
            record -> ((CustomerRecord) record).externalId(),
            record -> {
                CustomerRecord customer = (CustomerRecord) record;
                return new Object[] {customer.segment(), customer.region(), customer.valueBand(),
                    customer.customerSince(), customer.status(), customer.churnedOn(), customer.churnReason(),
                    customer.annualValue(), customer.preferredChannel(), customer.consentToAnalytics(),
                    customer.consentToContact()};
            });

    /** The contact tables, whose rows belong to the batch that last set them. */
    static final List<RecordTable> CONTACTS = List.of(CALLS, SURVEY_RESPONSES, PURCHASES, SERVICE_CASES);

    /** The table a record is stored in. */
    static RecordTable of(CanonicalRecord record) {
        // Java 17 has no pattern matching in switch; the sealed interface keeps this list complete.
        if (record instanceof CallRecord) {
            return CALLS;
        } else if (record instanceof SurveyResponseRecord) {
            return SURVEY_RESPONSES;
        } else if (record instanceof PurchaseRecord) {
            return PURCHASES;
        } else if (record instanceof ServiceCaseRecord) {
            return SERVICE_CASES;
        } else if (record instanceof CustomerRecord) {
            return CUSTOMERS;
        }
        throw new IllegalArgumentException("No table for " + record.getClass().getSimpleName());
    }

    /** The sequence its ids come from, as Hibernate named it (allocation size 50). */
    String sequence() {
        return table + "_seq";
    }

    /**
     * A table is its name: a delivery's rows are grouped by table a row at a time, and a record's own hash went over
     * every column description each time (4 % of reading a call file, sampled).
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof RecordTable that && table.equals(that.table);
    }

    @Override
    public int hashCode() {
        return table.hashCode();
    }
}
