package org.rapport.integration.crm;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.rapport.engine.customer.CustomerStatus;
import org.rapport.engine.intake.QuarantinedRow;
import org.rapport.engine.intake.RecordSink;
import org.rapport.engine.intake.SourceKind;
import org.rapport.integration.IntakeFormat;
import org.rapport.integration.csv.BadFieldException;
import org.rapport.integration.csv.DelimitedLayout;
import org.rapport.integration.csv.DelimitedReader;
import org.rapport.integration.csv.FieldConventions;
import org.rapport.integration.csv.FieldConventions.Patterns;
import org.rapport.integration.csv.FieldRow;
import org.rapport.integration.source.CanonicalFields;
import org.rapport.integration.source.Companion;
import org.rapport.integration.source.CustomerDirectory;
import org.rapport.integration.source.DefinitionException;
import org.rapport.integration.source.FieldSource;
import org.rapport.integration.source.SourceDefinition;
import org.rapport.integration.source.SourceFormat;
import org.rapport.integration.source.Transport;

/**
 * The IBM "Telco Customer Churn" tables ({@code ibm-telco}): a customers table (one row per
 * customer: tenure in months, contract, monthly charges, {@code Churn} Yes/No) delivered with its
 * status table (churn category and reason), joined on the customer id. The definition names the
 * status table as its {@code companion}; which churn category is which churn reason is its value
 * mapping ({@code values.churn_reason}), because that judgement belongs to the integration team.
 *
 * <p>The tables describe customers at one moment, the {@code snapshotDate} option, and Rapport's
 * customer needs dates and a yearly value, so three fields are derived unless the definition maps
 * them: the customer since date counts {@code tenure} months back from the snapshot (the table
 * gives tenure, not a start date); a churner's leaving date is the snapshot date (the table says
 * who left in the period it describes, not when, and the snapshot is the latest they can have
 * left); the annual value is twelve monthly charges (value lost is counted per year). The tables
 * hold no consent, so the definition must state both consents: privacy is never assumed.
 *
 * <p>The companion is read first and held keyed by customer id — it is the narrower table — and the
 * delivered file then streams past it. The checksum covers both files, companion first, so a
 * corrected status table makes a new batch even when the customers table is the same.
 */
public final class IbmTelcoCustomerFormat implements IntakeFormat {

    public static final SourceFormat FORMAT = new SourceFormat("ibm-telco", Set.of(SourceKind.CUSTOMERS),
            kind -> CanonicalFields.of(kind, "tenure_months", "monthly_charges"), Set.of("snapshotDate"), true,
            IbmTelcoCustomerFormat::new);

    static final Map<String, FieldSource> COLUMNS = Map.of(
            "customer_id", FieldSource.Columns.of("customerID"),
            "segment", FieldSource.Columns.of("Contract"),
            "status", FieldSource.Columns.of("Churn"),
            "churn_reason", FieldSource.Columns.of("Churn Category"),
            "tenure_months", FieldSource.Columns.of("tenure"),
            "monthly_charges", FieldSource.Columns.of("MonthlyCharges"));
    /** The customers table says Yes and No; that is the format's own vocabulary, not a business choice. */
    static final Map<String, Map<String, String>> WORDS = Map.of("status", Map.of("yes", "churned", "no", "active"));
    private static final String MAIN_KEY = "customerID";
    private static final String COMPANION_KEY = "Customer ID";
    private static final int MONTHS_A_YEAR = 12;
    private static final int MOST_TENURE_MONTHS = 1200;

    private final SourceDefinition definition;
    private final Companion companion;
    private final Path companionDir;
    private final LocalDate snapshot;
    private final Map<String, FieldSource> sources = new LinkedHashMap<>(COLUMNS);
    private final FieldConventions conventions;
    private final DelimitedReader reader;
    private final TelcoJoin join;

    IbmTelcoCustomerFormat(SourceDefinition definition, CustomerDirectory directory) throws DefinitionException {
        this.definition = definition;
        this.companion = definition.companion();
        this.companionDir = companionDir(definition);
        this.snapshot = snapshot(definition);
        requireConsent(definition, "consent_analytics");
        requireConsent(definition, "consent_contact");
        sources.putAll(definition.fields());
        this.conventions = definition.conventions(Patterns.of("yyyy-MM-dd"), Patterns.of("yyyy-MM-dd HH:mm:ss"))
                .withDefaultValues(WORDS);
        this.reader = new DelimitedReader(definition.charset(), DelimitedLayout.withHeader(',', 1));
        String mainKey = companion.mainKey() == null ? MAIN_KEY : companion.mainKey();
        String companionKey = companion.companionKey() == null ? COMPANION_KEY : companion.companionKey();
        this.join = new TelcoJoin(reader, mainKey, companionKey, sources, conventions,
                definition.customerMatcher(directory), Map.of(
                        "customer_since", this::customerSince,
                        "churned_on", this::churnedOn,
                        "annual_value", IbmTelcoCustomerFormat::annualValue));
    }

    @Override
    public SourceKind kind() {
        return SourceKind.CUSTOMERS;
    }

    @Override
    public String source() {
        return definition.name();
    }

    /** The status table comes first in the checksum: a corrected status table makes a new batch. */
    @Override
    public void digestCompanions(String fileName, MessageDigest digest) throws IOException {
        String companionName = companion.fileFor(fileName);
        if (companionName == null) {
            return;
        }
        Path companionFile = companionDir.resolve(companionName);
        if (!staysInItsFolder(companionFile)) {
            return;
        }
        try (InputStream companionBytes = Files.newInputStream(companionFile)) {
            new DigestInputStream(companionBytes, digest).transferTo(OutputStream.nullOutputStream());
        } catch (NoSuchFileException e) {
            // the file is refused when it is read, naming the missing companion
        }
    }

    @Override
    public QuarantinedRow stream(String fileName, InputStream content, RecordSink sink) throws IOException {
        String companionName = companion.fileFor(fileName);
        if (companionName == null) {
            return refusal("the file name does not match companion.match '" + companion.match()
                    + "', so its status table cannot be named");
        }
        Path companionFile = companionDir.resolve(companionName);
        if (!staysInItsFolder(companionFile)) {
            return refusal("its companion " + companionName + " is not a file in " + companionDir
                    + " (a link out of it, or a path): only the folder's own files are read");
        }
        TelcoJoin.Statuses statuses;
        try (InputStream companionBytes = Files.newInputStream(companionFile)) {
            statuses = join.readCompanion(companionName, companionBytes);
        } catch (NoSuchFileException e) {
            return refusal("its companion " + companionFile
                    + " is not there: the customers table is taken only with its status table");
        }
        if (statuses.rejection() != null) {
            return refusal("its companion " + companionName + " was refused: " + statuses.rejection().reason());
        }
        return join.readCustomers(fileName, content, statuses, sink).rejection();
    }

    /**
     * Whether the companion is a plain file of the companion folder, which was checked to be inside a
     * file root: a link that leads elsewhere is not followed. A companion not there yet counts as in.
     */
    private boolean staysInItsFolder(Path companionFile) throws IOException {
        if (!Files.exists(companionFile, LinkOption.NOFOLLOW_LINKS)) {
            return companionFile.normalize().getParent().equals(companionDir.normalize());
        }
        return !Files.isSymbolicLink(companionFile)
                && companionFile.toRealPath().getParent().equals(companionDir.toRealPath());
    }

    private static QuarantinedRow refusal(String reason) {
        return new QuarantinedRow(1, QuarantinedRow.WHOLE_RECORD, reason, "");
    }

    private String customerSince(FieldRow row) throws BadFieldException {
        Integer months = row.optionalWholeNumber("tenure_months", 0, MOST_TENURE_MONTHS);
        return months == null ? null : snapshot.minusMonths(months).toString();
    }

    private String churnedOn(FieldRow row) throws BadFieldException {
        return row.choice("status", CustomerStatus.class) == CustomerStatus.CHURNED ? snapshot.toString() : null;
    }

    private static String annualValue(FieldRow row) throws BadFieldException {
        BigDecimal monthly = row.optionalAmount("monthly_charges");
        return monthly == null ? null
                : monthly.multiply(BigDecimal.valueOf(MONTHS_A_YEAR)).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private static Path companionDir(SourceDefinition definition) throws DefinitionException {
        if (definition.companion().directory() != null) {
            return definition.companion().directory();
        }
        if (definition.transport() instanceof Transport.File drop) {
            return drop.directory();
        }
        throw new DefinitionException("companion.directory", "is missing: with a " + definition.transport().type()
                + " transport the status table's folder must be named");
    }

    private static LocalDate snapshot(SourceDefinition definition) throws DefinitionException {
        String date = definition.option("snapshotDate").orElseThrow(() -> new DefinitionException("options.snapshotDate",
                "is missing: the date the tables describe (yyyy-MM-dd); tenure counts back from it"));
        try {
            return LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw new DefinitionException("options.snapshotDate", "'" + date + "' is not a date (yyyy-MM-dd)");
        }
    }

    private static void requireConsent(SourceDefinition definition, String field) throws DefinitionException {
        if (!definition.fields().containsKey(field)) {
            throw new DefinitionException("fields." + field, "is missing: the telco tables hold no consent, so the "
                    + "definition must say it, e.g. {\"constant\": \"false\"}; privacy is never assumed");
        }
    }
}
