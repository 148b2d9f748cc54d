package org.rapport.web;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's chromium driven by Selenium for the screens' journeys: signs a test user in through the sign-in
 * page, waits for conditions (never for a guessed time) and writes screenshots to {@code target/screenshots}
 * for review. Runs under the Content-Security-Policy Rapport sends, so an inline script or style fails here.
 */
final class ScreenBrowser implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(30);
    /** A laptop screen, and a tablet held upright. */
    static final Dimension DESKTOP = new Dimension(1280, 900);
    static final Dimension TABLET = new Dimension(820, 1180);

    final WebDriver driver;
    final WebDriverWait until;
    private final URL application;

    ScreenBrowser(URL application, Path profile) {
        this.application = application;
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        // the flags a closed network and a root user need: no background connections
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--window-size=1280,900");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        // a screen redraws a table when its data arrives: an element read a moment before may be gone
        until = (WebDriverWait) new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class);
    }

    /** Opens {@code page} (e.g. "board.html"), signing {@code user} in on the way. */
    void signInAndOpen(String user, String page) {
        driver.get(application + page);
        until.until(ExpectedConditions.urlContains("/sign-in.html"));
        signIn(user);
        driver.get(application + page);
        until.until(ExpectedConditions.textToBePresentInElementLocated(By.id("user"), user));
    }

    /** Fills in and sends the sign-in form that is on the page now. */
    void signIn(String user) {
        until.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in")));
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(TestUsers.password(user));
        driver.findElement(By.cssSelector("#sign-in button[type=submit]")).click();
        until.until(ExpectedConditions.not(ExpectedConditions.urlContains("/sign-in.html")));
    }

    void open(String page) {
        driver.get(application + page);
    }

    WebElement visible(By locator) {
        return until.until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    void waitForText(By locator, String text) {
        until.until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
    }

    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    void resize(Dimension size) {
        driver.manage().window().setSize(size);
    }

    /** True when the page is no wider than the window: nothing the reader must scroll sideways for. */
    boolean fitsItsWindow() {
        return Boolean.TRUE.equals(script(
                "return document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1"));
    }

    /** A screenshot of the page now, to {@code target/screenshots/<name>.png}. */
    void screenshot(String name) throws IOException {
        Path folder = Path.of("target", "screenshots");
        Files.createDirectories(folder);
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), folder.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
