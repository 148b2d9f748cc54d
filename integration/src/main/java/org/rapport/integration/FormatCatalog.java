package org.rapport.integration;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.rapport.integration.canonical.CanonicalCsvFormats;
import org.rapport.integration.crm.ComcastComplaintFormat;
import org.rapport.integration.crm.IbmTelcoCustomerFormat;
import org.rapport.integration.generic.GenericCsvFormat;
import org.rapport.integration.generic.GenericJsonFormat;
import org.rapport.integration.ivr.AnonymousBankCallFormat;
import org.rapport.integration.ivr.AsteriskCdrCsvFormat;
import org.rapport.integration.ivr.AsteriskCdrCustomFormat;
import org.rapport.integration.ivr.AsteriskQueueLogFormat;
import org.rapport.integration.ivr.AsteriskQueueLogTableFormat;
import org.rapport.integration.ivr.FreeSwitchCdrCsvFormat;
import org.rapport.integration.source.CustomerDirectory;
import org.rapport.integration.source.DefinitionException;
import org.rapport.integration.source.SourceDefinition;
import org.rapport.integration.source.SourceFormat;
import org.rapport.integration.survey.QualtricsCsvFormat;
import org.rapport.integration.survey.QualtricsLegacyCsvFormat;
import org.rapport.integration.survey.SurveyMonkeyCsvFormat;

/** The formats a source definition can name, by id. Immutable and thread-safe. */
public final class FormatCatalog {

    private final Map<String, SourceFormat> formats = new LinkedHashMap<>();

    public FormatCatalog(List<SourceFormat> formats) {
        formats.forEach(format -> {
            if (this.formats.putIfAbsent(format.id(), format) != null) {
                throw new IllegalArgumentException("Two formats are called " + format.id());
            }
        });
    }

    /** Every format Rapport ships. */
    public static FormatCatalog standard() {
        return new FormatCatalog(List.of(
                CanonicalCsvFormats.FORMAT,
                GenericCsvFormat.FORMAT,
                GenericJsonFormat.FORMAT,
                IbmTelcoCustomerFormat.FORMAT,
                ComcastComplaintFormat.FORMAT,
                AsteriskCdrCsvFormat.FORMAT,
                AsteriskCdrCustomFormat.FORMAT,
                FreeSwitchCdrCsvFormat.FORMAT,
                AsteriskQueueLogFormat.FORMAT,
                AsteriskQueueLogTableFormat.FORMAT,
                AnonymousBankCallFormat.FORMAT,
                QualtricsCsvFormat.FORMAT,
                QualtricsLegacyCsvFormat.FORMAT,
                SurveyMonkeyCsvFormat.FORMAT));
    }

    /** The ids, in the order the formats were listed. */
    public Set<String> ids() {
        return formats.keySet();
    }

    public Optional<SourceFormat> find(String id) {
        return Optional.ofNullable(formats.get(id));
    }

    /**
     * The format a definition names, bound to it.
     *
     * @param directory where customers are found by account or caller number
     */
    public IntakeFormat bind(SourceDefinition definition, CustomerDirectory directory) throws DefinitionException {
        SourceFormat format = find(definition.format())
                .orElseThrow(() -> new DefinitionException("format", "'" + definition.format() + "' is not a known format"));
        return format.binder().bind(definition, directory);
    }
}
