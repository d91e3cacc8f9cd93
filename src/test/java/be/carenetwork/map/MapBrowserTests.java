package be.carenetwork.map;

import java.time.Duration;
import java.util.List;

import be.carenetwork.directory.Actors;
import be.carenetwork.directory.Capacities;
import be.carenetwork.directory.Residents;
import be.carenetwork.neighbourhood.MunicipalityOverlap;
import be.carenetwork.neighbourhood.Neighbourhoods;
import be.carenetwork.support.CareNetworkTest;
import be.carenetwork.support.TestGraph;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The map, the meeting mode and the widget in a real headless Chromium, on a small fixture. */
@CareNetworkTest
class MapBrowserTests {

    static WebDriver browser;

    @LocalServerPort int port;
    @Autowired TestGraph graph;
    @Autowired Neighbourhoods neighbourhoods;
    @Autowired MunicipalityOverlap overlap;
    @Autowired Actors actors;
    @Autowired Capacities capacities;
    @Autowired Residents residents;

    MapFixture f;

    @BeforeAll
    static void startBrowser() {
        assumeTrue(Browser.available(), "Chromium and chromedriver are not installed (apt-get install chromium chromium-driver)");
        browser = Browser.start(1280, 900);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void fixture() {
        f = MapFixture.build(graph, neighbourhoods, overlap, actors, capacities, residents);
        f.meetingToday(graph);
        browser.manage().deleteAllCookies();
    }

    private void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    private WebDriverWait waiting() {
        return new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    private String countShown() {
        return waiting().until(d -> {
            WebElement count = d.findElement(By.id("count"));
            String n = count.getAttribute("data-count");
            return "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready"))
                    && "false".equals(d.findElement(By.tagName("body")).getAttribute("data-loading")) && n != null ? n : null;
        });
    }

    private List<String> markerTitles(SearchContext root, String selector) {
        return root.findElements(By.cssSelector(selector)).stream().map(e -> e.getAttribute("title")).sorted().toList();
    }

    private void assertNoScriptRan() {
        assertThatThrownBy(() -> browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        Object flag = ((JavascriptExecutor) browser).executeScript("return window.__xss === undefined ? null : window.__xss");
        assertThat(flag).isNull();
        assertThat(browser.findElements(By.cssSelector("img[src='x']"))).isEmpty();
    }

    @Test
    void shouldLoadTheMapWithItsPublicActorsAndBoundaries() {
        open("/map?lang=en");

        waiting().until(d -> "4".equals(countShown()));
        assertThat(browser.findElement(By.id("count")).getText()).isEqualTo("4 actors shown");
        assertThat(browser.findElements(By.cssSelector("path.leaflet-interactive"))).isNotEmpty();
        assertThat(browser.findElement(By.cssSelector(".leaflet-control-attribution")).getText()).contains("Leaflet");
    }

    @Test
    void shouldChangeTheMarkersShownWhenAFilterChanges() {
        open("/map?lang=en");
        countShown();

        new Select(browser.findElement(By.id("f-category"))).selectByValue("pharmacy");

        waiting().until(d -> "1".equals(d.findElement(By.id("count")).getAttribute("data-count")));
        assertThat(markerTitles(browser, ".cm-marker")).containsExactly("Pharmacie du Centre");
        new Select(browser.findElement(By.id("f-category"))).selectByValue("");
        waiting().until(d -> "4".equals(d.findElement(By.id("count")).getAttribute("data-count")));
        browser.findElement(By.id("f-q")).sendKeys("school");
        waiting().until(d -> "1".equals(d.findElement(By.id("count")).getAttribute("data-count")));
        assertThat(markerTitles(browser, ".cm-marker")).containsExactly("School De Linde");
    }

    @Test
    void shouldSwitchEveryLabelToTheChosenLanguage() {
        open("/map?lang=en");
        countShown();
        assertThat(browser.findElement(By.cssSelector("h1")).getText()).isEqualTo("Local health and care map");

        browser.findElement(By.cssSelector("#langs button[data-lang=nl]")).click();
        waiting().until(ExpectedConditions.textToBe(By.cssSelector("h1"), "Lokale sociale kaart van zorg en welzijn"));
        assertThat(new Select(browser.findElement(By.id("f-category"))).getOptions()).extracting(WebElement::getText)
                .anyMatch(t -> t.contains("Apotheek"));
        assertThat(browser.findElement(By.id("count")).getText()).isEqualTo("4 actoren getoond");

        browser.findElement(By.cssSelector("#langs button[data-lang=fr]")).click();
        waiting().until(ExpectedConditions.textToBe(By.cssSelector("h1"), "Carte locale de la santé et du social"));
        assertThat(new Select(browser.findElement(By.id("f-category"))).getOptions()).extracting(WebElement::getText)
                .anyMatch(t -> t.contains("Pharmacie"));
        assertThat(browser.findElement(By.cssSelector("#legend-body")).getText()).contains("Soins de santé", "Voisin·e");
    }

    @Test
    void shouldShowOnlyPublicActorsInTheWidgetExampleEvenToASignedInUser() {
        open("/login");
        browser.findElement(By.name("username")).sendKeys("coordinator");
        browser.findElement(By.name("password")).sendKeys("coordinator-demo");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        waiting().until(d -> !d.getCurrentUrl().contains("/login"));

        open("/widget/example.html?neighbourhood=JET-GARE");
        WebElement host = browser.findElement(By.id("widget-main"));
        waiting().until(d -> host.getAttribute("data-care-map-ready") != null);
        SearchContext shadow = host.getShadowRoot();

        List<String> expected = List.of(MapFixture.XSS_NAME, "Centre Le Pont", "Pharmacie du Centre", "School De Linde");
        assertThat(markerTitles(shadow, ".marker")).containsExactlyElementsOf(expected);
        assertThat(host.getShadowRoot().findElement(By.cssSelector(".leaflet-container")).isDisplayed()).isTrue();
        WebElement narrow = browser.findElement(By.id("widget-narrow"));
        waiting().until(d -> narrow.getAttribute("data-care-map-ready") != null);
        assertThat(narrow.getSize().getWidth()).isLessThanOrEqualTo(320);
        assertThat(markerTitles(narrow.getShadowRoot(), ".marker")).containsExactlyElementsOf(expected);

        browser.switchTo().frame(browser.findElement(By.id("widget-frame")));
        WebElement framed = browser.findElement(By.id("care-map"));
        waiting().until(d -> framed.getAttribute("data-care-map-ready") != null);
        assertThat(markerTitles(framed.getShadowRoot(), ".marker")).containsExactlyElementsOf(expected);
        browser.switchTo().defaultContent();
        assertThat(browser.getPageSource()).doesNotContain("private neighbour", MapFixture.RESIDENT_NAME);
    }

    @Test
    void shouldShowAnActorsMarkupAsTextOnTheMapNeverRunningIt() {
        open("/map?lang=en");
        countShown();
        browser.findElement(By.id("f-q")).sendKeys("onerror");
        waiting().until(d -> "1".equals(d.findElement(By.id("count")).getAttribute("data-count")));

        browser.findElement(By.cssSelector(".cm-marker")).click();
        WebElement name = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".leaflet-popup .cm-name")));

        assertThat(name.getText()).isEqualTo(MapFixture.XSS_NAME);
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".leaflet-popup"), "<script>"));
        assertThat(browser.findElement(By.cssSelector(".leaflet-popup")).getText()).contains("<svg onload=alert(3)>");
        assertNoScriptRan();
    }

    @Test
    void shouldShowAnActorsMarkupAsTextInTheWidgetNeverRunningIt() {
        open("/widget/example.html");
        WebElement host = browser.findElement(By.id("widget-main"));
        waiting().until(d -> host.getAttribute("data-care-map-ready") != null);
        host.getShadowRoot().findElements(By.cssSelector(".marker")).stream()
                .filter(m -> MapFixture.XSS_NAME.equals(m.getAttribute("title"))).findFirst().orElseThrow().click();

        String name = waiting().until(d -> host.getShadowRoot().findElements(By.cssSelector(".popup h3")).stream()
                .map(WebElement::getText).filter(t -> !t.isEmpty()).findFirst().orElse(null));
        assertThat(name).isEqualTo(MapFixture.XSS_NAME);
        assertNoScriptRan();
    }

    @Test
    void shouldNumberTodaysAttendeesInMeetingModeWithoutRunningMarkup() {
        open("/meeting/JET-GARE?lang=en");
        waiting().until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));

        assertThat(browser.findElement(By.id("title")).getText()).isEqualTo("JET-GARE FR / JET-GARE NL");
        assertThat(browser.findElements(By.cssSelector("#attendees li span"))).extracting(WebElement::getText)
                .containsExactly("Pharmacie du Centre", "School De Linde");
        assertThat(browser.findElements(By.cssSelector(".cm-marker .cm-num"))).hasSize(2);
        assertThat(browser.findElements(By.cssSelector("path.leaflet-interactive, svg path"))).isNotEmpty();
        assertNoScriptRan();
    }
}
