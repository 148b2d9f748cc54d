package org.rapport.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The sign-in page in a real browser (Debian's chromium, driven by Selenium): a board member opens
 * Rapport, is sent to sign in, signs in, sees the board packs under their name and role, and signs
 * out; a wrong password is said on the page. The page runs under the Content-Security-Policy Rapport
 * sends, so an inline script or style would fail here.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SignInPageIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @ArquillianResource
    private URL application;

    @TempDir
    Path profile;

    private WebDriver browser;
    private WebDriverWait until;

    @Deployment(testable = false)
    static WebArchive rapport() {
        return RapportWar.importBuilt();
    }

    @BeforeEach
    void openBrowser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        // the flags a closed network and a root user need (see the machine notes): no background connections
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile);
        ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        browser = new ChromeDriver(driver, options);
        until = new WebDriverWait(browser, WAIT);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aBoardMemberSignsInSeesTheBoardPacksUnderTheirNameAndSignsOut() {
        browser.get(application.toString());
        until.until(ExpectedConditions.urlContains("/sign-in.html"));
        until.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in")));

        browser.findElement(By.id("username")).sendKeys(TestUsers.BOARD);
        browser.findElement(By.id("password")).sendKeys(TestUsers.password(TestUsers.BOARD));
        browser.findElement(By.cssSelector("#sign-in button[type=submit]")).click();

        until.until(ExpectedConditions.textToBePresentInElementLocated(By.id("user"), TestUsers.BOARD + " (board)"));
        assertThat(browser.getCurrentUrl()).endsWith("/rapport/");
        until.until(driver -> !driver.findElement(By.cssSelector("#runs tbody")).getText().contains("Loading"));

        browser.findElement(By.id("sign-out")).click();
        until.until(ExpectedConditions.urlContains("/sign-in.html"));
        browser.get(application.toString());
        until.until(ExpectedConditions.urlContains("/sign-in.html"));
    }

    @Test
    void aWrongPasswordIsSaidOnThePageAndOpensNothing() {
        browser.get(application + "sign-in.html");
        until.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in")));

        browser.findElement(By.id("username")).sendKeys("it-nobody");
        browser.findElement(By.id("password")).sendKeys("not-the-password");
        browser.findElement(By.cssSelector("#sign-in button[type=submit]")).click();

        until.until(ExpectedConditions.textToBePresentInElementLocated(By.id("problem"), "Wrong user name or password"));
        assertThat(browser.getCurrentUrl()).endsWith("/sign-in.html");
    }
}
