package org.rapport.integration.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.rapport.integration.FormatCatalog;
import org.rapport.integration.source.DefinitionSettings.Setting;

class SourceGuideTest {

    private final SourceGuide guide = SourceGuide.of(FormatCatalog.standard());

    @Test
    void theSettingsADefinitionMustHaveAreThoseTheParserRefusesItWithout() {
        assertThat(guide.settings()).filteredOn(Setting::required).extracting(Setting::path)
                .containsExactlyInAnyOrder("name", "kind", "format", "timeZone", "transport");
        assertThat(guide.settings()).filteredOn(setting -> !setting.required()).extracting(Setting::path)
                .contains("charset", "customerMatch", "schedule", "fields", "values", "options", "description");
    }

    @Test
    void eachTransportSaysWhatItNeeds() {
        assertThat(guide.transports().keySet()).containsExactly("file", "sftp", "http", "jdbc");
        assertThat(guide.transports().get("file")).filteredOn(Setting::required).extracting(Setting::path)
                .containsExactlyInAnyOrder("transport.type", "transport.directory");
        assertThat(guide.transports().get("sftp")).filteredOn(Setting::required).extracting(Setting::path)
                .contains("transport.host", "transport.username");
        assertThat(guide.transports().get("jdbc")).filteredOn(Setting::required).extracting(Setting::path)
                .contains("transport.dataSource", "transport.query");
    }

    @Test
    void eachKindListsItsCanonicalFieldsTheRequiredOnesAndTheFormatsThatDeliverIt() {
        SourceGuide.KindGuide purchases = guide.kinds().stream().filter(kind -> kind.kind().equals("purchases"))
                .findFirst().orElseThrow();

        assertThat(purchases.fields()).contains("purchase_id", "customer_id", "purchased_on", "amount");
        assertThat(purchases.required()).containsExactlyInAnyOrder("customer_id", "purchased_on", "amount");
        assertThat(purchases.formats()).contains("canonical-csv", "generic-csv");
        assertThat(guide.kinds()).extracting(SourceGuide.KindGuide::kind)
                .containsExactlyInAnyOrder("customers", "purchases", "service-cases", "calls", "survey-responses");
    }

    @Test
    void eachFormatSaysWhatItTakes() {
        SourceGuide.FormatGuide generic = guide.formats().stream().filter(format -> format.id().equals("generic-csv"))
                .findFirst().orElseThrow();

        assertThat(generic.kinds()).hasSize(5);
        assertThat(generic.fields().get("calls")).contains("call_id", "started_at");
        assertThat(generic.options()).contains("dateFormat", "dateTimeFormat");
        assertThat(guide.formats()).anyMatch(SourceGuide.FormatGuide::companion);
        assertThat(guide.formats()).extracting(SourceGuide.FormatGuide::id)
                .containsExactlyElementsOf(List.copyOf(FormatCatalog.standard().ids()));
    }
}
