package org.rapport.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The integration team's journey in a real browser: a source definition with mistakes is refused with each
 * problem at its field; tried on a sample file, a field mapped to a column the sample lacks is shown at that
 * field, in the JSON's list and beside the field in the form view, where it is corrected; tried again, the
 * rows it would store and quarantine are shown and nothing is stored; the definition is saved and runs, its first file shows in the ledger and its bad
 * row in the quarantine with the raw line (a {@code <script>} in it shown as text), and the batch is replayed
 * with its counts before and after. The data is of February 2025, a month no other test grades.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class IntegrationScreenIT {

    private static final String SOURCE = "screens-billing";
    private static final String PURCHASES = """
            customer_id,purchased_on,amount,product_category
            C-901,2025-02-03,44.35,broadband-plan
            C-902,2025-02-04,<script>window.injected = true</script>,fibre-plan
            C-903,2025-02-05,12.00,top-up
            """;

    @ArquillianResource
    private URL application;

    @TempDir
    Path profile;

    @Deployment(testable = false)
    static WebArchive rapport() {
        return RapportWar.importBuilt();
    }

    @Test
    void anIntegratorWiresASourceReadsItsQuarantineAndReplaysABatch() throws Exception {
        Path drops = Files.createDirectories(Path.of(System.getProperty("rapport.data.dir"), "drops", SOURCE));
        try (ScreenBrowser browser = new ScreenBrowser(application, profile)) {
            browser.signInAndOpen(TestUsers.INTEGRATION, "integration.html");
            assertThat(browser.driver.findElements(By.linkText("Board packs"))).as("the board's screens are not offered").isEmpty();

            browser.visible(By.id("definition-name")).sendKeys(SOURCE);
            WebElement text = browser.driver.findElement(By.id("definition-text"));
            text.sendKeys("{\"name\": \"" + SOURCE + "\", \"kind\": \"purchases\", \"format\": \"canonical-csv\","
                    + " \"timeZone\": \"Europe/Londn\",\n \"transport\": {\"type\": \"file\", \"directory\": \"../drops/nowhere\"}}");
            click(browser, "#save-definition");
            browser.visible(By.cssSelector("#definition-problems .field-problem[data-field='timeZone']"));
            assertThat(browser.driver.findElements(By.cssSelector("#definition-problems .field-problem")))
                    .extracting(problem -> problem.getAttribute("data-field")).contains("timeZone", "transport.directory");
            click(browser, "#definition-problems .field-problem[data-field='timeZone']");
            assertThat(browser.script("const text = document.querySelector('#definition-text');"
                    + " return text.value.substring(text.selectionStart, text.selectionEnd)")).isEqualTo("\"timeZone\"");
            browser.screenshot("integration-1-problems-at-their-fields");

            // tried on a sample before it is saved: a field mapped to a column the sample lacks is shown at that field
            Path sample = Files.writeString(profile.resolve("purchases-sample.csv"), PURCHASES);
            text.clear();
            text.sendKeys("{\"name\": \"" + SOURCE + "\", \"kind\": \"purchases\", \"format\": \"generic-csv\","
                    + " \"timeZone\": \"Europe/London\",\n \"fields\": {\"amount\": \"Total\"},"
                    + "\n \"transport\": {\"type\": \"file\", \"directory\": \"../drops/" + SOURCE + "\"}}");
            browser.driver.findElement(By.id("sample-file")).sendKeys(sample.toString());
            click(browser, "#try-definition");
            browser.waitForText(By.id("trial-summary"), "The whole file would be refused");
            browser.visible(By.cssSelector("#definition-problems .field-problem[data-field='fields.amount']"));
            assertThat(browser.driver.findElement(By.id("definition-problems")).getText()).contains("Total");

            // the same definition as a form: the required settings marked, the problem beside its field
            click(browser, "#view-form");
            WebElement amount = browser.visible(By.cssSelector("#definition-fields input[data-field='fields.amount']"));
            assertThat(amount.getAttribute("value")).isEqualTo("Total");
            assertThat(amount.getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(browser.driver.findElement(By.id("form-fields-amount-problem")).getText()).contains("Total");
            assertThat(browser.driver.findElement(By.cssSelector("label[for='form-timeZone']")).getText()).contains("(required)");
            assertThat(browser.driver.findElement(By.cssSelector("label[for='form-fields-customer_id']")).getText())
                    .as("a field a purchase cannot do without").contains("(required)");
            browser.screenshot("integration-2-form-with-the-problem-at-its-field");
            amount.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
            browser.until.until(driver -> !driver.findElement(By.id("definition-text")).getAttribute("value").contains("Total"));

            click(browser, "#try-definition");
            browser.waitForText(By.id("trial-summary"), "2 rows would be stored and 1 row quarantined. Nothing was stored.");
            assertThat(browser.driver.findElement(By.id("trial-rows")).getText()).contains("C-901", "2025-02-03", "44.35");
            WebElement wouldBeQuarantined = browser.driver.findElement(By.id("trial-quarantine"));
            assertThat(wouldBeQuarantined.getText()).contains("amount", "C-902,2025-02-04,<script>window.injected = true</script>,fibre-plan");
            assertThat(wouldBeQuarantined.findElements(By.tagName("script"))).as("the sample's rows are text, not markup").isEmpty();
            assertThat(browser.script("return window.injected === undefined")).isEqualTo(true);
            browser.screenshot("integration-3-tried-on-a-sample");
            assertThat(browser.driver.findElements(By.cssSelector("#ledger tr[data-file='purchases-sample.csv']")))
                    .as("a trial stores nothing").isEmpty();

            click(browser, "#save-definition");
            browser.waitForText(By.id("notice"), SOURCE + " is saved and running");

            Path staged = drops.getParent().resolve(".staged-" + SOURCE);
            Files.writeString(staged, PURCHASES);
            Files.move(staged, drops.resolve("purchases-2025-02.csv"));

            String batchId = browser.until.until(driver -> {
                driver.findElement(By.id("refresh")).click();
                return driver.findElements(By.cssSelector("#ledger tr[data-file='purchases-2025-02.csv']")).stream()
                        .filter(row -> row.getText().contains("ACCEPTED")).map(row -> row.getAttribute("data-batch"))
                        .findFirst().orElse(null);
            });
            browser.until.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("#health tr[data-source='" + SOURCE + "']"), "1 row quarantined"));
            browser.screenshot("integration-4-health-and-ledger");

            click(browser, "button.show-quarantine[data-batch='" + batchId + "']");
            // the table is drawn again when its data arrives: the row is read whole inside the wait
            String row = browser.until.until(driver -> driver.findElements(By.cssSelector("#quarantine tbody tr")).stream()
                    .map(WebElement::getText).filter(shown -> shown.contains("purchases-2025-02.csv")).findFirst().orElse(null));
            assertThat(row).contains("3", "amount", "C-902,2025-02-04,<script>window.injected = true</script>,fibre-plan");
            assertThat(browser.driver.findElements(By.cssSelector("#quarantine script"))).as("the raw line is text, not markup").isEmpty();
            assertThat(browser.script("return window.injected === undefined")).isEqualTo(true);
            browser.screenshot("integration-5-quarantine");

            click(browser, "button.replay[data-batch='" + batchId + "']");
            // this server answers a replay at once, under way (202): the page follows it in the ledger, a look every
            // two seconds, and does not offer the batch's replay again meanwhile
            WebElement replaying = browser.driver.findElement(By.cssSelector("button.replay[data-batch='" + batchId + "']"));
            assertThat(replaying.getText()).isEqualTo("Replaying…");
            assertThat(replaying.isEnabled()).isFalse();
            browser.waitForText(By.id("notice"), "before 2 accepted, 1 quarantined; after 2 accepted, 1 quarantined");
            browser.until.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("#ledger tr[data-batch='" + batchId + "']"), "REPLACED"));
            browser.screenshot("integration-6-replayed");

            browser.resize(ScreenBrowser.TABLET);
            assertThat(browser.fitsItsWindow()).as("the sources screen fits a tablet's width").isTrue();
            browser.screenshot("integration-7-tablet");

            browser.driver.findElement(By.id("definition-name")).clear();
            browser.driver.findElement(By.id("definition-name")).sendKeys(SOURCE);
            click(browser, "#delete-definition");
            browser.until.until(ExpectedConditions.alertIsPresent()).accept();
            browser.waitForText(By.id("notice"), SOURCE + " is removed");
        }
    }

    private static void click(ScreenBrowser browser, String css) {
        browser.until.until(ExpectedConditions.elementToBeClickable(By.cssSelector(css))).click();
    }
}
