package org.rapport.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.nio.file.Path;
import java.util.List;

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
import org.openqa.selenium.support.ui.Select;

/**
 * The board's screens in a real browser on the published October 2026: the pack archive, a month's
 * dashboard with the same figures as the pack (e2e/october-2026/README.md), a drill-down into a KPI's
 * breakdowns, and the action points — read by the board, moved on with a note by the strategy team.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BoardScreensIT {

    @ArquillianResource
    private URL application;

    @TempDir
    Path profile;

    @Deployment(testable = false)
    static WebArchive rapport() {
        return RapportWar.importBuilt();
    }

    @Test
    void aBoardMemberOpensTheMonthDrillsIntoAKpiAndReadsTheActionPoints() throws Exception {
        JsonObject run = PublishedMonth.october(new ApiClient(application));
        int runId = run.getInt("id");
        try (ScreenBrowser browser = new ScreenBrowser(application, profile)) {
            browser.signInAndOpen(TestUsers.BOARD, "board.html");

            WebElement october = browser.visible(By.cssSelector("section.month[data-month='2026-10']"));
            assertThat(october.getText()).contains("October 2026", "PUBLISHED", "PDF");
            assertThat(browser.driver.findElements(By.linkText("Rules"))).as("the strategy screen is not offered").isEmpty();
            browser.screenshot("board-1-archive");

            october.findElement(By.cssSelector("a[aria-label='Dashboard of run " + runId + "']")).click();
            WebElement nps = browser.visible(By.cssSelector("#tiles .tile[data-code='NPS']"));
            assertThat(nps.getText()).contains("Net Promoter Score", "25", "AMBER", "Target 30");
            assertThat(nps.findElement(By.cssSelector(".trend")).getAttribute("aria-label")).contains("October 2026 25");
            browser.until.until(driver -> !driver.findElements(By.cssSelector("#tiles .trend canvas")).isEmpty());
            // figures as the pack prints them (one decimal, unit after a space): one figure, one value
            assertThat(row(browser, "CSAT").getText()).contains("50.0 %", "RED");
            assertThat(row(browser, "IVR_ABANDONMENT").getText()).contains("20.0 %", "RED");
            assertThat(row(browser, "TIME_TO_HUMAN_P90").getText()).contains("8.6", "GREEN");
            // a KPI without a figure says why, as the pack does (the fixture's month has no service cases)
            List<JsonObject> withoutFigure = new ApiClient(application).json("api/runs/" + runId + "/kpis").asJsonArray()
                    .getValuesAs(JsonObject.class).stream()
                    .filter(kpi -> kpi.getString("dimension").equals("overall") && kpi.isNull("value")).toList();
            assertThat(withoutFigure).isNotEmpty().allSatisfy(kpi -> assertThat(row(browser, kpi.getString("code")).getText())
                    .contains("no data: " + kpi.getString("noDataReason")));
            browser.screenshot("board-2-dashboard");

            browser.driver.findElement(By.cssSelector("button.drill-down[data-code='NPS']")).click();
            WebElement breakdowns = browser.visible(By.cssSelector(".breakdowns[data-code='NPS']"));
            assertThat(breakdowns.getText()).contains("Net Promoter Score by segment", "Net Promoter Score by value band",
                    "Net Promoter Score by channel");
            browser.screenshot("board-3-drill-down");

            WebElement actions = browser.visible(By.id("action-points"));
            assertThat(actions.findElements(By.cssSelector(".pillar h3"))).extracting(WebElement::getText)
                    .contains("Staff", "Process", "Technology");
            assertThat(actions.findElements(By.cssSelector(".action"))).extracting(action -> action.getAttribute("data-code"))
                    .contains("IVR_ABANDONMENT", "CHURN_ABOVE_TARGET", "NPS_BELOW_TARGET");
            assertThat(actions.findElements(By.cssSelector("form.move"))).as("the board reads, the strategy team moves").isEmpty();

            browser.resize(ScreenBrowser.TABLET);
            assertThat(browser.fitsItsWindow()).as("the dashboard fits a tablet's width").isTrue();
            browser.screenshot("board-4-dashboard-tablet");

            browser.open("strategy.html");
            browser.waitForText(By.id("not-for-you"), "strategy role");
        }
    }

    @Test
    void theStrategyTeamMovesAnActionPointWithANoteThatIsShownAsTextInItsHistory() throws Exception {
        ApiClient api = new ApiClient(application);
        int runId = PublishedMonth.october(api).getInt("id");
        JsonObject open = api.json("api/runs/" + runId + "/triggers").asJsonArray().getValuesAs(JsonObject.class).stream()
                .filter(action -> action.getString("status").equals("OPEN")).findFirst().orElseThrow();
        String note = "<script>window.injected = true</script>Vendor booked for <b>14 Nov</b>";

        try (ScreenBrowser browser = new ScreenBrowser(application, profile)) {
            browser.signInAndOpen(TestUsers.STRATEGY, "board.html#run=" + runId);
            WebElement action = browser.visible(By.cssSelector(".action[data-id='" + open.getInt("id") + "']"));
            new Select(action.findElement(By.name("status"))).selectByValue("IN_PROGRESS");
            action.findElement(By.name("note")).sendKeys(note);
            action.findElement(By.cssSelector("form.move button[type=submit]")).click();

            browser.until.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector(".action[data-id='" + open.getInt("id") + "'] .status"), "IN PROGRESS"));
            action = browser.driver.findElement(By.cssSelector(".action[data-id='" + open.getInt("id") + "']"));
            action.findElement(By.cssSelector("summary")).click();
            WebElement shown = browser.visible(By.cssSelector(".action[data-id='" + open.getInt("id") + "'] .history .note"));
            assertThat(shown.getText()).isEqualTo(note);
            assertThat(shown.findElements(By.tagName("b"))).as("the note is text, not markup").isEmpty();
            assertThat(browser.script("return window.injected === undefined")).isEqualTo(true);
            browser.screenshot("board-5-action-moved");

            new Select(action.findElement(By.name("status"))).selectByValue("DONE");
            action.findElement(By.name("note")).sendKeys("Menu shortened");
            action.findElement(By.cssSelector("form.move button[type=submit]")).click();
            browser.until.until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector(".action[data-id='" + open.getInt("id") + "'] .status"), "DONE"));
            browser.driver.findElement(By.cssSelector(".action[data-id='" + open.getInt("id") + "'] summary")).click();
            List<WebElement> history = browser.until.until(driver -> {
                List<WebElement> changes = driver.findElements(
                        By.cssSelector(".action[data-id='" + open.getInt("id") + "'] .history .change"));
                return changes.size() == 2 ? changes : null;
            });
            assertThat(history.get(1).getText()).contains(TestUsers.STRATEGY, "IN PROGRESS → DONE", "Menu shortened");
        }
    }

    private static WebElement row(ScreenBrowser browser, String code) {
        return browser.visible(By.cssSelector("#kpi-table tr[data-code='" + code + "']"));
    }
}
