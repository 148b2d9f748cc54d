package org.rapport.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
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
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The administrator's journey in a real browser: a recipient added to the distribution list and removed
 * again, both in the list's history; who received which pack; the schedule (off on the suite's server).
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
