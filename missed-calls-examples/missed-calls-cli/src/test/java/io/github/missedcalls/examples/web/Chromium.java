package io.github.missedcalls.examples.web;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven through Debian's chromedriver: both named explicitly, so
 * that Selenium never tries to download a driver or a browser. Tests that need it skip, saying
 * how to install it, where it is missing.
 */
final class Chromium implements AutoCloseable {

    static final Path BROWSER = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    /** The laptop screen the page is designed for. */
    static final int WIDTH = 1366;

    static final int HEIGHT = 768;
    /** Generous: the build machine may be busy with other builds. */
    static final Duration PATIENCE = Duration.ofSeconds(30);

    /**
     * Selenium warns that it has no DevTools classes for this browser's version; the one command
     * used here (downloads) needs none. Held here so that the level set on it is not collected.
     */
    private static final java.util.logging.Logger DEVTOOLS_LOG =
            java.util.logging.Logger.getLogger("org.openqa.selenium.devtools");

    final ChromeDriver driver;
    private final Path profile;
    private final Path downloads;

    private Chromium(ChromeDriver driver, Path profile, Path downloads) {
        this.driver = driver;
        this.profile = profile;
        this.downloads = downloads;
    }

    /** Why browser tests skip, and how to run them. */
    static final String HOW_TO_ENABLE = "browser tests skipped: /usr/bin/chromium or /usr/bin/chromedriver is missing;"
            + " install Debian's chromium and chromium-driver (apt-get install -y chromium chromium-driver, or"
            + " .ci/install-chromium.sh) to run them";

    private static final AtomicBoolean ANNOUNCED = new AtomicBoolean();

    /**
     * Whether the browser and its driver are there; when not, says so once on standard output, so
     * that a quiet build shows why its browser tests did not run. For {@code @EnabledIf}.
     */
    static boolean isInstalled() {
        boolean installed = Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
        if (!installed && ANNOUNCED.compareAndSet(false, true)) {
            System.out.println("[missed-calls-examples] " + HOW_TO_ENABLE);
        }
        return installed;
    }

    /** Skips the calling test, saying how to enable it, when the browser or its driver is missing. */
    static void assumeInstalled() {
        assumeTrue(isInstalled(), HOW_TO_ENABLE);
    }

    /** Starts a headless browser with a fresh profile, a window of {@link #WIDTH} x {@link #HEIGHT}. */
    static Chromium start() {
        assumeInstalled();
        DEVTOOLS_LOG.setLevel(java.util.logging.Level.SEVERE);
        try {
            Path profile = Files.createTempDirectory("missed-calls-chromium-profile");
            Path downloads = Files.createTempDirectory("missed-calls-downloads");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(BROWSER.toFile());
            options.addArguments(
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--user-data-dir=" + profile,
                    "--window-size=" + WIDTH + "," + HEIGHT,
                    "--lang=en-US");
            options.setExperimentalOption(
                    "prefs",
                    Map.of("download.default_directory", downloads.toString(), "download.prompt_for_download", false));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(DRIVER.toFile())
                    .usingAnyFreePort()
                    .build();
            ChromeDriver driver = new ChromeDriver(service, options);
            // The window's size includes what a browser draws around the page; the page itself gets exactly this.
            driver.executeCdpCommand(
                    "Emulation.setDeviceMetricsOverride",
                    Map.of("width", WIDTH, "height", HEIGHT, "deviceScaleFactor", 1, "mobile", false));
            driver.executeCdpCommand(
                    "Browser.setDownloadBehavior",
                    Map.of("behavior", "allow", "downloadPath", downloads.toString(), "eventsEnabled", true));
            return new Chromium(driver, profile, downloads);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    WebDriverWait waiting() {
        return new WebDriverWait(driver, PATIENCE);
    }

    @Nullable
    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /** How many times the page has drawn a report. */
    int loads() {
        Object loads = script("return document.body.dataset.loads || '0';");
        return Integer.parseInt(String.valueOf(loads));
    }

    /** Opens a page and waits for its first report. */
    void open(String url) {
        driver.get(url);
        waitForLoadAfter(0);
    }

    /** Waits until the page has drawn a report after the {@code previous}th. */
    void waitForLoadAfter(int previous) {
        waiting().until(d -> "ready".equals(script("return document.body.dataset.state;")) && loads() > previous);
    }

    WebElement byId(String id) {
        return driver.findElement(By.id(id));
    }

    List<WebElement> rows() {
        return driver.findElements(By.cssSelector("#rows tbody tr"));
    }

    /** The files downloaded so far, complete ones only. */
    List<Path> downloads() {
        try (Stream<Path> files = Files.list(downloads)) {
            return files.filter(file -> !file.getFileName().toString().endsWith(".crdownload"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for a download whose name ends so, and gives its path. */
    Path waitForDownload(String suffix) {
        return waiting()
                .until(d -> downloads().stream()
                        .filter(file -> file.getFileName().toString().endsWith(suffix))
                        .findFirst()
                        .orElse(null));
    }

    /** Writes a screenshot of the window. */
    void screenshot(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        deleteQuietly(profile);
        deleteQuietly(downloads);
    }

    private static void deleteQuietly(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            // A temporary directory left behind harms nothing.
        }
    }
}
