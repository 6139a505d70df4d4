package com.clinikapi.contract.suite.docs;

import com.clinikapi.contract.suite.spec.SpecModel;
import com.clinikapi.contract.suite.spec.SpecOperation;
import com.clinikapi.contract.suite.target.ContractTarget;
import com.clinikapi.contract.suite.target.Suite;
import com.clinikapi.contract.suite.target.Targets;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.core.util.Yaml;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The interactive reference docs at {@code /docs} of the current target, in a real headless browser:
 * the page runs under its Content-Security-Policy without a console error, lists every operation
 * of the spec, shows the create example, and a "Try it out" create, authorized with the target's
 * key, reaches the origin that served the page and answers 201. The last screen is kept as
 * {@code target/reference-docs/<target>.png} (the README's picture is the mock's).
 */
class ReferenceDocsIT {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final String CREATE = "createAppointment";

    private static HeadlessChromium browser;
    private ContractTarget target;
    private WebDriver page;
    private WebDriverWait waiting;

    @BeforeAll
    static void startBrowser() {
        browser = HeadlessChromium.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void openTheDocs() {
        target = Targets.current();
        page = browser.driver();
        waiting = new WebDriverWait(page, DEADLINE);
        page.get(target.baseUrl() + "/docs");
        waiting.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector(".opblock"), 0));
    }

    @AfterEach
    void noConsoleErrors() {
        assertThat(browser.consoleErrors()).as("the browser console's errors").isEmpty();
    }

    @Test
    void listsEveryOperationOfTheSpec() {
        // when
        List<String> listed = texts(".opblock-summary-operation-id");
        List<String> summaries = texts(".opblock-summary-description");

        // then
        List<SpecOperation> operations = SpecModel.get().operations();
        assertThat(listed).containsExactlyInAnyOrderElementsOf(operations.stream().map(SpecOperation::operationId).toList());
        assertThat(summaries).containsExactlyInAnyOrderElementsOf(
                operations.stream().map(o -> o.operation().getSummary()).toList());
    }

    @Test
    void showsTheCreateExample() {
        // when
        WebElement create = expand(CREATE);
        String shown = waiting.until(d -> nonBlank(create, ".opblock-section-request-body .highlight-code, "
                + ".opblock-section-request-body .body-param__example"));

        // then
        JsonNode example = createExample();
        for (Iterator<Map.Entry<String, JsonNode>> fields = example.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            assertThat(shown).as("the create example's %s", field.getKey())
                    .contains("\"" + field.getKey() + "\": " + field.getValue().toString());
        }
    }

    @Test
    void triesACreateOnTheServingOriginAndGets201() {
        // given
        authorize(target.apiKey());
        WebElement create = expand(CREATE);
        create.findElement(By.cssSelector(".try-out__btn")).click();
        WebElement body = waiting.until(d -> create.findElement(By.cssSelector("textarea.body-param__text")));
        // the example as shown, for a patient and practitioner of its own and with a fresh Idempotency-Key
        // (the page offers the spec's example key): no other booking on the target is in the way, and no
        // other test's search finds this one
        ObjectNode request = createExample().deepCopy();
        request.put("patientId", "pat_docs" + shortId());
        request.put("practitionerId", "prac_docs" + shortId());
        edit(body, request.toString());
        String idempotencyKey = UUID.randomUUID().toString();
        edit(create.findElement(By.cssSelector("tr[data-param-name='Idempotency-Key'] input")), idempotencyKey);

        // when
        create.findElement(By.cssSelector("button.execute")).click();

        // then
        String status = waiting.until(d -> nonBlank(create, ".live-responses-table tbody .response-col_status"));
        String requestUrl = nonBlank(create, ".request-url pre");
        assertThat(status).as("the rendered response:\n%s", create.getText()).startsWith("201");
        assertThat(requestUrl).isEqualTo(target.baseUrl() + "/v1/appointments");
        assertThat(nonBlank(create, ".curl-command")).contains("Idempotency-Key: " + idempotencyKey);
        assertThat(nonBlank(create, ".live-responses-table tbody .response-col_description"))
                .contains("\"practitionerId\": \"" + request.get("practitionerId").asText() + "\"");
        ((JavascriptExecutor) page).executeScript("arguments[0].scrollIntoView(true);", create);
        browser.screenshot(Suite.outputDirectory().resolve("reference-docs").resolve(target.name() + ".png"));
    }

    /** Types the key into Swagger UI's Authorize dialog for x-api-key, and closes it. */
    private void authorize(String apiKey) {
        page.findElement(By.cssSelector(".auth-wrapper .authorize")).click();
        WebElement dialog = waiting.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".modal-ux")));
        dialog.findElement(By.cssSelector(".auth-container input")).sendKeys(apiKey);
        dialog.findElement(By.cssSelector(".auth-btn-wrapper .authorize")).click();
        waiting.until(d -> !dialog.findElements(By.cssSelector(".auth-btn-wrapper .btn-done")).isEmpty());
        dialog.findElement(By.cssSelector(".auth-btn-wrapper .btn-done")).click();
        waiting.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".modal-ux")));
    }

    /**
     * Replaces a field's text as typing would, in one step: React, which renders Swagger UI, takes the
     * new value from the input event (typing a whole body key by key would take seconds); leaving the
     * field hands it on at once instead of after Swagger UI's input debounce.
     */
    private void edit(WebElement field, String text) {
        ((JavascriptExecutor) page).executeScript("""
                const field = arguments[0];
                const prototype = field.tagName === 'TEXTAREA' ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
                field.focus();
                Object.getOwnPropertyDescriptor(prototype, 'value').set.call(field, arguments[1]);
                field.dispatchEvent(new Event('input', {bubbles: true}));
                field.blur();
                """, field, text);
        waiting.until(d -> text.equals(field.getAttribute("value")));
    }

    /** Opens an operation (Swagger UI's deep-link id is {@code operations-<tag>-<operationId>}). */
    private WebElement expand(String operationId) {
        WebElement operation = page.findElement(By.cssSelector("[id$='-" + operationId + "'].opblock"));
        operation.findElement(By.cssSelector(".opblock-summary-control")).click();
        waiting.until(d -> !operation.findElements(By.cssSelector(".opblock-body")).isEmpty());
        return operation;
    }

    private static String shortId() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private List<String> texts(String selector) {
        return page.findElements(By.cssSelector(selector)).stream().map(WebElement::getText).map(String::strip).toList();
    }

    /** The text of the first element the selector finds in {@code within}, or null while there is none or it is blank. */
    private static String nonBlank(WebElement within, String selector) {
        return within.findElements(By.cssSelector(selector)).stream()
                .map(e -> e.getText().isBlank() ? e.getAttribute("value") : e.getText())
                .filter(text -> text != null && !text.isBlank())
                .findFirst().orElse(null);
    }

    /** The spec's first example of the create request body (the one the page shows first), from the spec's text. */
    private static JsonNode createExample() {
        SpecOperation create = SpecModel.get().operation(CREATE);
        try {
            JsonNode spec = Yaml.mapper().readTree(SpecModel.get().text());
            JsonNode example = spec.at("/paths/" + create.pathTemplate().replace("~", "~0").replace("/", "~1") + "/"
                    + create.method().toLowerCase(Locale.ROOT) + "/requestBody/content/application~1json/examples")
                    .elements().next();
            if (example.has("$ref")) {
                example = spec.at(example.get("$ref").asText().substring(1));
            }
            JsonNode value = example.get("value");
            assertThat(value).as("the create example").isNotNull();
            assertThat(value.isObject()).isTrue();
            return value;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
