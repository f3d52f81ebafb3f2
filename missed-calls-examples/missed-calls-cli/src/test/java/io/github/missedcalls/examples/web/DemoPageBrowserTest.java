package io.github.missedcalls.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * What {@code serve} shows on a fresh start (the demo projects on the embedded database), in a
 * browser at 1366x768, with screenshots of both tabs and the Handle dialog written to
 * {@code target/screenshots/} for a person to look at.
 */
@DisplayName("The demo page in a browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@EnabledIf(value = "io.github.missedcalls.examples.web.Chromium#isInstalled", disabledReason = Chromium.HOW_TO_ENABLE)
class DemoPageBrowserTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private Chromium chromium;
    private ReportWebApp app;

    @BeforeAll
    void start() {
        app = ReportWebApp.start(
                new ReportWebApp.Options("127.0.0.1", 0, null, 12_000),
                Clock.systemUTC(),
                new PrintWriter(new StringWriter(), true));
        chromium = Chromium.start();
    }

    @AfterAll
    void stop() {
        if (chromium != null) {
            chromium.close();
        }
        if (app != null) {
            app.close();
        }
    }

    @Test
    @DisplayName("shows the demo month on both tabs, handles a row through the dialog, and is photographed")
    void demo() {
        chromium.open(app.uri().toString());

        assertThat(chromium.byId("project").getText()).contains("Kyiv sales", "Lisbon sales", "Toronto sales");
        assertThat(Integer.parseInt(chromium.byId("count-unprocessed").getText().replace(",", "")))
                .isPositive();
        assertThat(chromium.rows()).isNotEmpty();
        assertThat(chromium.driver.findElements(By.cssSelector("#chart rect")).size())
                .isGreaterThan(24);
        chromium.screenshot(SCREENSHOTS.resolve("report-unprocessed.png"));
        assertThat(horizontalOverflow())
                .as("the unprocessed tab fits 1366 pixels")
                .isZero();

        WebElement first = chromium.rows().get(0);
        String client = first.getAttribute("data-client");
        first.findElement(By.cssSelector("button.handle")).click();
        chromium.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("handle-dialog")));
        chromium.driver
                .findElement(By.cssSelector("input[name='reason'][value='resolved_elsewhere']"))
                .click();
        chromium.byId("handle-actor").sendKeys("Olena");
        chromium.screenshot(SCREENSHOTS.resolve("report-handle-dialog.png"));
        int loads = chromium.loads();
        chromium.byId("handle-save").click();
        chromium.waitForLoadAfter(loads);

        loads = chromium.loads();
        chromium.byId("tab-processed").click();
        chromium.waitForLoadAfter(loads);
        WebElement handled = chromium.rows().get(0);
        assertThat(handled.getAttribute("data-client")).isEqualTo(client);
        assertThat(handled.getText()).contains("Handled", "Resolved elsewhere", "Olena");
        chromium.screenshot(SCREENSHOTS.resolve("report-processed.png"));
        assertProcessedTabReadable();

        loads = chromium.loads();
        chromium.byId("tab-team").click();
        chromium.waitForLoadAfter(loads);
        assertThat(chromium.driver.findElements(By.cssSelector("#team-chart rect.median")))
                .as("one bar per manager of the demo's eight")
                .hasSize(8);
        assertThat(chromium.driver.findElements(By.cssSelector("#team-employees tbody tr")))
                .extracting(row -> row.findElement(By.tagName("td")).getText())
                .as("the demo's managers, the handle's actor, credited with it (R18), and the total")
                .contains("anna", "hana", "Olena", "All")
                .hasSize(10);
        chromium.screenshot(SCREENSHOTS.resolve("report-team.png"));
        assertThat(horizontalOverflow()).as("the team tab fits 1366 pixels").isZero();
    }

    @Test
    @DisplayName("fits 1366 pixels in Ukrainian, whose words are longer, and is photographed")
    void ukrainian() {
        chromium.open(app.uri() + "?lang=uk");
        try {
            assertThat(chromium.byId("tab-unprocessed").getText()).startsWith("Необроблені");
            chromium.screenshot(SCREENSHOTS.resolve("report-unprocessed-uk.png"));
            assertThat(horizontalOverflow())
                    .as("the unprocessed tab fits 1366 pixels")
                    .isZero();

            int loads = chromium.loads();
            chromium.byId("tab-processed").click();
            chromium.waitForLoadAfter(loads);
            chromium.screenshot(SCREENSHOTS.resolve("report-processed-uk.png"));
            assertProcessedTabReadable();
        } finally {
            chromium.script("localStorage.clear();");
        }
    }

    private void assertProcessedTabReadable() {
        assertThat(horizontalOverflow())
                .as("the processed tab fits 1366 pixels")
                .isZero();
        assertThat(medianRowLines())
                .as("a processed row is read in at most two lines")
                .isLessThanOrEqualTo(2);
    }

    /**
     * The median height of the rows shown, in lines of the client's cell (one line, never
     * wrapped): a row of several reasons is taller by right, most rows must not be.
     */
    private long medianRowLines() {
        Object lines = chromium.script("const rows = [...document.querySelectorAll('#rows tbody tr')];"
                + "const line = rows[0].querySelector('.client').getBoundingClientRect().height;"
                + "const heights = rows.map((row) => row.querySelector('td').getBoundingClientRect().height)"
                + ".sort((a, b) => a - b);"
                + "return Math.floor((heights[Math.floor(heights.length / 2)] - 9) / line);");
        return lines instanceof Number number ? number.longValue() : -1;
    }

    private long horizontalOverflow() {
        Object overflow =
                chromium.script("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        return overflow instanceof Number number ? number.longValue() : -1;
    }
}
