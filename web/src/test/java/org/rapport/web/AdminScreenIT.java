package org.rapport.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The administrator's journey in a real browser: a recipient added to the distribution list and removed
 * again, both in the list's history; who received which pack; the schedule (off on the suite's server); a
 * month's readiness source by source, a source marked not needed for the month and the mark withdrawn.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AdminScreenIT {

    private static final String ADDRESS = "screens-cco@rapport.test";

    @ArquillianResource
    private URL application;

    @TempDir
    Path profile;

    @Deployment(testable = false)
    static WebArchive rapport() {
        return RapportWar.importBuilt();
    }

    /**
     * A month far ahead, which no run of the suite touches: its readiness lists every source that has delivered
     * something. The source delivered here has one file whose only row is quarantined, so it is known to the
     * ledger without a record that would make intake run a month.
     */
    private static final String MONTH = "2031-03";
    private static final String SOURCE = "admin-screen-purchases";

    @Test
    void anAdministratorMarksASourceNotNeededForAMonthAndWithdrawsTheMark() throws Exception {
        ApiClient api = new ApiClient(application);
        Path drops = Files.createDirectories(Path.of(System.getProperty("rapport.data.dir"), "drops", SOURCE));
        assertThat(api.put("api/sources/" + SOURCE, "application/json", "{\"name\": \"" + SOURCE + "\", \"kind\":"
                + " \"purchases\", \"format\": \"canonical-csv\", \"timeZone\": \"UTC\", \"transport\": {\"type\":"
                + " \"file\", \"directory\": \"../drops/" + SOURCE + "\"}}").statusCode()).isEqualTo(200);
        Path staged = Files.writeString(drops.getParent().resolve(".staged-" + SOURCE),
                "customer_id,purchased_on,amount,product_category\nC-1,2031-03-03,not-an-amount,top-up\n");
        Files.move(staged, drops.resolve("purchases-one-bad-row.csv"));
        Poll.until(Duration.ofSeconds(60), () -> api.json("api/readiness/" + MONTH).asJsonObject(),
                month -> month.getJsonArray("sources").getValuesAs(JsonObject.class).stream()
                        .anyMatch(source -> SOURCE.equals(source.getString("source"))));
        try (ScreenBrowser browser = new ScreenBrowser(application, profile)) {
            browser.signInAndOpen(TestUsers.ADMIN, "admin.html");
            browser.visible(By.id("waiting-runs"));
            WebElement month = browser.visible(By.id("readiness-month"));
            browser.script("arguments[0].value = arguments[1]", month, MONTH);
            browser.driver.findElement(By.id("show-readiness")).click();
            By row = By.cssSelector("#readiness tr[data-source='" + SOURCE + "']");
            browser.waitForText(By.id("readiness-summary"), "March 2031 waits for");
            browser.waitForText(row, "extract-after-month-end");

            click(browser, "#readiness tr[data-source='" + SOURCE + "'] button.mark[data-mark='NOT_NEEDED']");
            browser.waitForText(By.id("notice"), SOURCE + " is marked not needed for March 2031");
            browser.waitForText(row, "NOT_NEEDED");
            assertThat(api.json("api/readiness/" + MONTH).asJsonObject().getJsonArray("sources").getValuesAs(JsonObject.class))
                    .filteredOn(source -> SOURCE.equals(source.getString("source")))
                    .singleElement().satisfies(source -> {
                        assertThat(source.getString("mark")).isEqualTo("NOT_NEEDED");
                        assertThat(source.getBoolean("complete")).isTrue();
                    });
            browser.screenshot("admin-3-month-readiness");

            click(browser, "#readiness tr[data-source='" + SOURCE + "'] button.unmark");
            browser.waitForText(By.id("notice"), "The mark of " + SOURCE + " for March 2031 is withdrawn");
            browser.until.until(driver -> !driver.findElement(row).getText().contains("NOT_NEEDED"));
        } finally {
            api.delete("api/sources/" + SOURCE);
        }
    }

    private static void click(ScreenBrowser browser, String css) {
        browser.until.until(ExpectedConditions.elementToBeClickable(By.cssSelector(css))).click();
    }

    @Test
    void anAdministratorKeepsTheDistributionListAndReadsTheSchedule() throws Exception {
        try (ScreenBrowser browser = new ScreenBrowser(application, profile)) {
            browser.signInAndOpen(TestUsers.ADMIN, "admin.html");
            assertThat(browser.driver.findElements(By.linkText("Rules"))).as("the strategy screen is not offered").isEmpty();
            browser.waitForText(By.id("schedule"), "The monthly schedule is off on this installation");
            browser.visible(By.id("deliveries"));

            browser.visible(By.id("new-recipient")).sendKeys(ADDRESS);
            browser.driver.findElement(By.id("add-recipient")).click();
            browser.waitForText(By.id("notice"), ADDRESS + " receives the next board pack");
            browser.waitForText(By.id("recipients"), ADDRESS);
            browser.waitForText(By.id("list-history"), ADDRESS);
            browser.screenshot("admin-1-distribution-list");

            browser.until.until(ExpectedConditions.elementToBeClickable(
                    By.cssSelector("button.remove-recipient[aria-label='Remove " + ADDRESS + "']"))).click();
            browser.waitForText(By.id("notice"), ADDRESS + " no longer receives the pack");
            browser.until.until(driver -> !driver.findElement(By.cssSelector("#recipients table")).getText().contains(ADDRESS));

            browser.resize(ScreenBrowser.TABLET);
            assertThat(browser.fitsItsWindow()).as("the administration screen fits a tablet's width").isTrue();
            browser.screenshot("admin-2-tablet");
        }
    }
}
