package io.github.missedcalls.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The page as a head of sales uses it, in headless Chromium, over {@link WebFixture}'s calls.
 * Skipped, with a message saying how to enable it, where Chromium is not installed.
 */
@DisplayName("The report page in a browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@EnabledIf(value = "io.github.missedcalls.examples.web.Chromium#isInstalled", disabledReason = Chromium.HOW_TO_ENABLE)
class ReportPageBrowserTest {

    private Chromium chromium;
    private WebFixture web;

    @BeforeAll
    void startBrowser() {
        chromium = Chromium.start();
    }

    @AfterAll
    void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @BeforeEach
    void startServer() {
        web = new WebFixture();
        chromium.open(web.uri().toString());
    }

    @AfterEach
    void stopServer() {
        web.close();
    }

    private List<String> clientsShown() {
        return chromium.rows().stream()
                .map(row -> row.findElement(By.cssSelector(".client")).getText())
                .toList();
    }

    private String cell(WebElement row, String column) {
        List<WebElement> headers = chromium.driver.findElements(By.cssSelector("#rows thead th"));
        for (int i = 0; i < headers.size(); i++) {
            if (headers.get(i).getText().replace('\n', ' ').equals(column)) {
                return row.findElements(By.tagName("td")).get(i).getText();
            }
        }
        throw new AssertionError("no column " + column);
    }

    private WebElement rowOf(String client) {
        return chromium.driver.findElement(By.cssSelector("#rows tbody tr[data-client='" + client + "']"));
    }

    private void clickAndWait(WebElement element) {
        int loads = chromium.loads();
        element.click();
        chromium.waitForLoadAfter(loads);
    }

    private void setRange(String from, String to) {
        int loads = chromium.loads();
        // A date input's typed form depends on the browser's locale; its value does not.
        chromium.script(
                "const f = document.getElementById('from'); f.value = arguments[0];"
                        + "const t = document.getElementById('to'); t.value = arguments[1];"
                        + "t.dispatchEvent(new Event('change'));",
                from,
                to);
        chromium.waitForLoadAfter(loads);
    }

    private void handle(String client, String reasonLabel, String note, String actor) {
        rowOf(client).findElement(By.cssSelector("button.handle")).click();
        chromium.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("handle-dialog")));
        chromium.driver
                .findElement(By.xpath(
                        "//fieldset[@id='handle-reasons']//label[normalize-space()='" + reasonLabel + "']/input"))
                .click();
        chromium.byId("handle-note").clear();
        chromium.byId("handle-note").sendKeys(note);
        chromium.byId("handle-actor").clear();
        chromium.byId("handle-actor").sendKeys(actor);
        chromium.byId("handle-save").click();
    }

    /** Handles a row, and waits for the page to draw the report again. */
    private void handleAndWait(String client, String reasonLabel, String actor) {
        int loads = chromium.loads();
        handle(client, reasonLabel, "", actor);
        chromium.waitForLoadAfter(loads);
    }

    private void selectProject(String name) {
        int loads = chromium.loads();
        new Select(chromium.byId("project")).selectByVisibleText(name);
        chromium.waitForLoadAfter(loads);
    }

    /** What the markup in the data would have set, had any of it run. */
    private Object pwned() {
        return String.valueOf(chromium.script("return typeof window.__pwned;"));
    }

    @Test
    @DisplayName("opens on the unprocessed tab of the first project with counts, the summary strip and the chart")
    void opens() {
        assertThat(new Select(chromium.byId("project")).getOptions())
                .extracting(WebElement::getText)
                .containsExactly("North sales", "South sales");
        assertThat(chromium.byId("from").getAttribute("value")).isEqualTo("2026-10-20");
        assertThat(chromium.byId("to").getAttribute("value")).isEqualTo("2026-11-20");
        assertThat(chromium.byId("count-unprocessed").getText()).isEqualTo("2");
        assertThat(chromium.byId("count-processed").getText()).isEqualTo("3");
        assertThat(clientsShown()).containsExactly(WebFixture.OPEN, WebFixture.SECOND_OPEN);
        WebElement open = rowOf(WebFixture.OPEN);
        assertThat(cell(open, "First missed")).isEqualTo("18 Nov 10:00");
        assertThat(cell(open, "First to last missed")).isEqualTo("1 h 00 min");
        assertThat(cell(open, "Reason")).isEqualTo("Not answered");
        assertThat(cell(open, "Reasons of each call")).isEqualTo("Not answered ×2");
        assertThat(chromium.byId("stat-unprocessed").getText()).isEqualTo("2");
        assertThat(chromium.byId("stat-missed").getText()).isEqualTo("6");
        assertThat(chromium.byId("stat-missed-label").getText()).isEqualTo("Missed calls, + 1 from withheld numbers");
        assertThat(chromium.byId("stat-rate").getText()).isEqualTo("40 %");
        assertThat(chromium.byId("stat-median").getText()).isEqualTo("30 min");
        assertThat(chromium.driver.findElements(By.cssSelector("#chart rect"))).hasSize(5);
    }

    @Test
    @DisplayName(
            "speaks Ukrainian with ?lang=uk, in the words of core's Labels, and goes back to English from the menu")
    void speaksTheLanguageChosen() {
        chromium.open(web.uri() + "?lang=uk");
        try {
            assertThat(chromium.script("return document.documentElement.lang;")).isEqualTo("uk");
            assertThat(chromium.byId("tab-unprocessed").getText()).startsWith("Необроблені");
            WebElement open = rowOf(WebFixture.OPEN);
            assertThat(cell(open, "Клієнт")).isEqualTo(WebFixture.OPEN);
            assertThat(cell(open, "Причина")).isEqualTo("Менеджери не відповіли");
            assertThat(open.findElement(By.cssSelector("button.handle")).getText())
                    .isEqualTo("Обробити");
            assertThat(new Select(chromium.byId("lang"))
                            .getFirstSelectedOption()
                            .getText())
                    .isEqualTo("Українська");
            assertThat(chromium.byId("export").getAttribute("href")).contains("lang=uk");

            int loads = chromium.loads();
            new Select(chromium.byId("lang")).selectByValue("en");
            chromium.waitForLoadAfter(loads);

            assertThat(chromium.byId("tab-unprocessed").getText()).startsWith("Unprocessed");
            assertThat(cell(rowOf(WebFixture.OPEN), "Reason")).isEqualTo("Not answered");
        } finally {
            // The choice is remembered in the browser; the other tests expect the browser's English.
            chromium.script("localStorage.clear();");
        }
    }

    @Test
    @DisplayName("switches to the processed tab, which shows how, when and by whom each group was resolved")
    void switchesTabs() {
        clickAndWait(chromium.byId("tab-processed"));

        assertThat(clientsShown()).containsExactly("+380501110004", "+380501110002", "+380501110003");
        WebElement calledBack = rowOf("+380501110002");
        assertThat(cell(calledBack, "Resolution")).isEqualTo("Called back");
        assertThat(cell(calledBack, "Resolved at")).isEqualTo("17 Nov 09:30");
        assertThat(cell(calledBack, "Resolved by")).isEqualTo("anna");
        assertThat(cell(calledBack, "Time to resolution")).isEqualTo("30 min");
        assertThat(chromium.driver.getCurrentUrl()).contains("tab=processed");
        assertThat(chromium.driver.findElements(By.cssSelector("button.handle")))
                .isEmpty();
    }

    @Test
    @DisplayName("reports the range chosen: only missed calls that started in it count (R8)")
    void changesRange() {
        setRange("2026-11-18", "2026-11-18");

        assertThat(clientsShown()).containsExactly(WebFixture.OPEN);
        assertThat(chromium.byId("count-processed").getText()).isEqualTo("0");

        setRange("2026-11-19", "2026-11-20");

        assertThat(clientsShown()).containsExactly(WebFixture.SECOND_OPEN);
        assertThat(chromium.byId("count-processed").getText()).isEqualTo("1");
        assertThat(chromium.driver.getCurrentUrl()).contains("from=2026-11-19", "to=2026-11-20");
    }

    @Test
    @DisplayName("exports the tab shown and the range chosen in every format offered")
    void exports() throws IOException {
        setRange("2026-11-01", "2026-11-20");
        clickAndWait(chromium.byId("tab-processed"));
        Select format = new Select(chromium.byId("format"));
        List<String> offered = format.getOptions().stream()
                .map(option -> option.getAttribute("value"))
                .toList();
        assertThat(offered).containsExactly("csv", "xlsx", "json");

        for (String each : offered) {
            format.selectByValue(each);
            chromium.byId("export").click();
            Path file = chromium.waitForDownload("missed-calls_north_processed_2026-11-01_2026-11-20." + each);
            switch (each) {
                case "csv" -> {
                    List<String> lines = List.of(
                            Files.readString(file, StandardCharsets.UTF_8).split("\r\n"));
                    assertThat(lines.get(0))
                            .startsWith("client,first_missed_at,last_missed_at,")
                            // The contract's columns first, then the same codes in words.
                            .endsWith(",time_to_resolution_s,reason_label,reasons_label,resolution_label"
                                    + ",handle_reason_label");
                    assertThat(lines).hasSize(4);
                    assertThat(lines.get(1)).startsWith("+380501110004,2026-11-19T12:00:00+02:00,");
                }
                case "json" -> {
                    JsonNode export = new ObjectMapper().readTree(file.toFile());
                    assertThat(export.get("tab").asText()).isEqualTo("processed");
                    assertThat(export.get("rows")).hasSize(3);
                    assertThat(export.get("rows").get(0).get("resolution").asText())
                            .isEqualTo("client_got_through");
                }
                case "xlsx" -> {
                    try (ReadableWorkbook workbook = new ReadableWorkbook(file.toFile())) {
                        List<Row> rows =
                                workbook.findSheet("processed").orElseThrow().read();
                        assertThat(rows).hasSize(4);
                        assertThat(rows.get(0).getCellText(0)).isEqualTo("Client");
                        assertThat(rows.get(1).getCellText(0)).isEqualTo("+380501110004");
                    }
                }
                default -> throw new AssertionError("no check for " + each);
            }
        }
    }

    @Test
    @DisplayName(
            "handles a row with a reason: it leaves Unprocessed and shows in Processed with reason, actor and time")
    void handlesWithReason() {
        handleAndWait(WebFixture.OPEN, "Spam", "Olena");

        assertThat(clientsShown()).containsExactly(WebFixture.SECOND_OPEN);
        assertThat(chromium.byId("count-unprocessed").getText()).isEqualTo("1");
        assertThat(chromium.byId("toast").getText()).isEqualTo("Handled " + WebFixture.OPEN + ": Spam");
        clickAndWait(chromium.byId("tab-processed"));
        WebElement handled = rowOf(WebFixture.OPEN);
        assertThat(clientsShown().get(0)).isEqualTo(WebFixture.OPEN);
        assertThat(cell(handled, "Resolution")).isEqualTo("Handled");
        assertThat(cell(handled, "Handle reason")).isEqualTo("Spam");
        assertThat(cell(handled, "Resolved by")).isEqualTo("Olena");
        assertThat(cell(handled, "Resolved at")).startsWith("20 Nov 14:");
        assertThat(chromium.script("return localStorage.getItem('missedCalls.actor');"))
                .isEqualTo("Olena");
    }

    @Test
    @DisplayName("asks for a note with Other, then stores it and shows the note as text, markup and all")
    void handlesOtherWithNote() {
        handle(WebFixture.OPEN, "Another variant", "", "Olena");

        assertThat(chromium.byId("handle-error").getText()).isEqualTo("Write a note: another variant needs one.");
        assertThat(chromium.byId("handle-dialog").isDisplayed()).isTrue();
        assertThat(web.handles.handles("north", Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z")))
                .isEmpty();

        String note = "<b>bold</b><script>window.__pwned=3</script> call after 5 pm";
        int loads = chromium.loads();
        chromium.byId("handle-note").sendKeys(note);
        chromium.byId("handle-save").click();
        chromium.waitForLoadAfter(loads);
        clickAndWait(chromium.byId("tab-processed"));

        WebElement handled = rowOf(WebFixture.OPEN);
        assertThat(cell(handled, "Handle reason")).isEqualTo("Another variant");
        assertThat(cell(handled, "Note")).isEqualTo(note);
        assertThat(handled.findElements(By.tagName("b"))).isEmpty();
        assertThat(pwned()).isEqualTo("undefined");
    }

    @Test
    @DisplayName("shows markup in a call's data as text and runs none of it")
    void escapes() {
        WebElement row = rowOf(WebFixture.SECOND_OPEN);

        assertThat(cell(row, "Employees")).isEqualTo(WebFixture.MARKUP_EMPLOYEE);
        assertThat(chromium.byId("rejections").isDisplayed()).isFalse();

        selectProject("South sales");
        chromium.byId("rejections-summary").click();

        assertThat(chromium.byId("rejections-summary").getText()).isEqualTo("1 record rejected (not in the report)");
        assertThat(chromium.byId("rejections-list").getText())
                .isEqualTo("id s2: client number cannot be normalized: " + WebFixture.MARKUP_NUMBER);
        assertThat(chromium.driver.findElements(By.tagName("img"))).isEmpty();
        assertThat(pwned()).isEqualTo("undefined");
    }

    @Test
    @DisplayName("shows the server's refusal when the row was resolved meanwhile, and stores nothing twice")
    void showsRefusal() {
        String body = "{\"project\":\"north\",\"client\":\"" + WebFixture.OPEN
                + "\",\"reason\":\"duplicate\",\"actor\":\"Petro\"}";
        assertThat(web.postHandle(body).status()).isEqualTo(201);

        handle(WebFixture.OPEN, "Spam", "", "Olena");

        chromium.waiting().until(d -> !chromium.byId("handle-error").getText().isEmpty());
        assertThat(chromium.byId("handle-error").getText())
                .startsWith(WebFixture.OPEN + " is already resolved (handled by Petro");
        assertThat(web.handles.handles("north", Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z")))
                .hasSize(1);
    }

    @Test
    @DisplayName("keeps projects apart: a client handled in one project is still unprocessed in another")
    void projectsApart() {
        handleAndWait(WebFixture.OPEN, "Wrong number", "Olena");

        selectProject("South sales");

        assertThat(clientsShown()).containsExactly(WebFixture.EARLY, WebFixture.OPEN);
        // South works its report: the first and last missed call share a cell, as on Processed.
        assertThat(cell(rowOf(WebFixture.OPEN), "First and last missed")).isEqualTo("18 Nov 10:00");
        assertThat(chromium.byId("zone").getText()).isEqualTo("America/Toronto");
        assertThat(chromium.byId("count-processed").getText()).isEqualTo("0");
    }

    @Test
    @DisplayName("handles the first row of the default view, a group that began before \"a month up to now\"")
    void handlesTheOldestRowOfTheDefaultView() {
        selectProject("South sales");
        assertThat(clientsShown().get(0)).isEqualTo(WebFixture.EARLY);

        handleAndWait(WebFixture.EARLY, "Spam", "Olena");

        assertThat(clientsShown()).containsExactly(WebFixture.OPEN);
        assertThat(chromium.byId("toast").getText()).isEqualTo("Handled " + WebFixture.EARLY + ": Spam");
        assertThat(web.handles.handles("south", Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z")))
                .singleElement()
                .satisfies(handle -> assertThat(handle.coversUntil()).isEqualTo(Instant.parse("2026-10-20T06:00:00Z")));
    }

    private List<String> teamNames() {
        return chromium.driver.findElements(By.cssSelector("#team-employees tbody tr")).stream()
                .map(row -> row.getAttribute("data-name"))
                .toList();
    }

    private void chooseAndWait(String select, String visibleText) {
        int loads = chromium.loads();
        new Select(chromium.byId(select)).selectByVisibleText(visibleText);
        chromium.waitForLoadAfter(loads);
    }

    @Test
    @DisplayName(
            "R14-R16: a project with a workflow shows due, overdue marks, owner and priority; one without shows none")
    void workflowColumns() {
        assertThat(chromium.byId("view").isDisplayed()).isFalse();
        assertThat(chromium.driver.findElements(By.cssSelector("button.assign")))
                .isEmpty();
        assertThat(chromium.driver.findElements(By.cssSelector("#rows thead th")))
                .extracting(WebElement::getText)
                .doesNotContain("Due", "Owner", "Priority");

        selectProject("South sales");

        WebElement open = rowOf(WebFixture.OPEN);
        assertThat(cell(open, "Due")).isEqualTo("18 Nov 11:00\noverdue 1 d 20 h");
        assertThat(cell(open, "Owner")).isEqualTo("dana");
        assertThat(open.getAttribute("class")).contains("overdue");
        WebElement priority = open.findElement(By.cssSelector("td:last-child span"));
        assertThat(priority.getAttribute("title")).contains("overdue").contains("=");
        assertThat(chromium.driver.findElements(By.cssSelector("#rows tbody tr.overdue")))
                .hasSize(2);
        assertThat(chromium.byId("view").isDisplayed()).isTrue();
    }

    @Test
    @DisplayName("drops an order or owner filter from the address for a project without a workflow, hiding no row")
    void dropsWorkflowViewWithoutWorkflow() {
        chromium.open(web.uri() + "?project=north&owner=dana&sort=priority");

        assertThat(clientsShown()).containsExactly(WebFixture.OPEN, WebFixture.SECOND_OPEN);
        assertThat(chromium.driver.getCurrentUrl()).doesNotContain("owner=").doesNotContain("sort=");
    }

    @Test
    @DisplayName("R15: orders Unprocessed by priority as the API does, and keeps the order in the address")
    void sortsByPriority() {
        selectProject("South sales");

        chooseAndWait("sort", "Priority");

        List<String> expected = new java.util.ArrayList<>();
        web.getJson("/api/report?project=south&from=2026-10-20&to=2026-11-20&sort=priority")
                .get("rows")
                .forEach(row -> expected.add(row.get("client").asText()));
        assertThat(clientsShown()).isEqualTo(expected);
        assertThat(chromium.driver.getCurrentUrl()).contains("sort=priority");
        clickAndWait(chromium.byId("tab-processed"));
        assertThat(chromium.byId("sort").isDisplayed())
                .as("priority orders open groups only")
                .isFalse();
    }

    @Test
    @DisplayName("R16: assigns a row to a manager, who then owns it, and filters by owner (\"my clients\")")
    void assignsAndFiltersByOwner() {
        selectProject("South sales");
        rowOf(WebFixture.OPEN).findElement(By.cssSelector("button.assign")).click();
        chromium.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("assign-dialog")));
        assertThat(chromium.byId("assign-current").getText()).isEqualTo("Owner now: dana");
        chromium.byId("assign-save").click();
        assertThat(chromium.byId("assign-error").getText()).isEqualTo("Write who is to call back.");

        int loads = chromium.loads();
        chromium.byId("assign-owner").sendKeys("emil");
        chromium.byId("assign-actor").clear();
        chromium.byId("assign-actor").sendKeys("Olena");
        chromium.byId("assign-save").click();
        chromium.waitForLoadAfter(loads);

        assertThat(chromium.byId("toast").getText()).isEqualTo("Assigned " + WebFixture.OPEN + " to emil");
        assertThat(cell(rowOf(WebFixture.OPEN), "Owner")).isEqualTo("emil");
        assertThat(clientsShown()).as("an assigned group stays unprocessed").hasSize(2);
        assertThat(web.handles.assignments("south", Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z")))
                .singleElement()
                .satisfies(assignment -> assertThat(assignment.owner()).isEqualTo("emil"));

        chooseAndWait("owner", "emil");
        assertThat(clientsShown()).containsExactly(WebFixture.OPEN);
        assertThat(chromium.driver.getCurrentUrl()).contains("owner=emil");
        assertThat(new Select(chromium.byId("owner")).getOptions())
                .extracting(WebElement::getText)
                .contains("Everyone", "My clients (Olena)", "dana", "emil");
        chooseAndWait("owner", "My clients (Olena)");
        assertThat(chromium.rows()).isEmpty();
        assertThat(chromium.byId("empty").isDisplayed()).isTrue();
        chooseAndWait("owner", "Everyone");
        assertThat(clientsShown()).containsExactly(WebFixture.EARLY, WebFixture.OPEN);
    }

    @Test
    @DisplayName("R18: the Team tab shows each manager's figures, the total, one bar per manager, and exports them")
    void teamTab() throws IOException {
        clickAndWait(chromium.byId("tab-team"));

        assertThat(chromium.byId("rows").isDisplayed()).isFalse();
        assertThat(chromium.byId("more").isDisplayed()).isFalse();
        assertThat(teamNames()).contains("anna", "boris", WebFixture.MARKUP_EMPLOYEE);
        WebElement anna = chromium.driver.findElement(By.cssSelector("#team-employees tbody tr[data-name='anna']"));
        assertThat(anna.getText()).contains("30 min");
        WebElement total = chromium.driver.findElement(By.cssSelector("#team-employees tbody tr.total"));
        assertThat(total.findElement(By.tagName("td")).getText()).isEqualTo("All");
        assertThat(chromium.driver.findElements(By.cssSelector("#team-chart rect.median")))
                .extracting(bar -> bar.getAttribute("data-name"))
                .containsExactly("anna", "boris");
        double anna30 = Double.parseDouble(chromium.driver
                .findElement(By.cssSelector("#team-chart rect[data-name='anna']"))
                .getAttribute("width"));
        double boris120 = Double.parseDouble(chromium.driver
                .findElement(By.cssSelector("#team-chart rect[data-name='boris']"))
                .getAttribute("width"));
        assertThat(boris120)
                .as("2 h against 30 min on one scale")
                .isCloseTo(4 * anna30, org.assertj.core.data.Offset.offset(0.5));
        assertThat(chromium.driver.getCurrentUrl()).contains("tab=team");
        assertThat(chromium.driver.findElements(By.tagName("img"))).isEmpty();
        assertThat(pwned()).isEqualTo("undefined");

        new Select(chromium.byId("format")).selectByValue("csv");
        chromium.byId("export").click();
        Path file = chromium.waitForDownload("missed-calls_north_team_2026-10-20_2026-11-20.csv");
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).startsWith("scope,name,missed_calls,");
    }
}
