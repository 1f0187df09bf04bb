package org.lawtrace.documents.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.urlContains;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lawtrace.Api;
import org.lawtrace.Browser;
import org.lawtrace.BrowserSession;
import org.lawtrace.LawTraceIntegrationTest;
import org.lawtrace.documents.DocumentApi;
import org.lawtrace.documents.Pdfs;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

/** An officer registers and confirms a questioning record through the pages, in a real browser. */
@LawTraceIntegrationTest
@ExtendWith(BrowserSession.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DocumentUiBrowserTests {

	@LocalServerPort
	int port;

	private Browser browser;
	private WebDriver driver;
	private WebDriverWait wait;

	@BeforeAll
	void startBrowser(Browser browser) {
		this.browser = browser;
		driver = browser.driver();
		wait = new WebDriverWait(driver, Duration.ofSeconds(10));
	}

	@Test
	@DisplayName("ART-05, ART-05.3: register a questioning record with its PDF from the case page, record the "
			+ "signatures, and the case page shows it confirmed; a form without a file says so beside the field")
	void officerRegistersAndConfirmsAQuestioningRecord() throws IOException {
		var caseId = Api.openCase(port, Api.newCaseNumber());
		Api.as(port, "zhang.wei").post().uri("/api/v1/cases/{id}/stages", caseId).contentType(MediaType.APPLICATION_JSON)
			.body(new DocumentApi.NewStage("QUESTIONING", OffsetDateTime.parse("2026-11-20T09:30:00+08:00"),
					List.of("zhang.wei", "li.na")))
			.exchange().expectStatus().isCreated();
		signIn("zhang.wei");
		open("/cases/" + caseId);
		wait.until(visibilityOfElementLocated(By.id("register-document"))).click();

		new Select(wait.until(visibilityOfElementLocated(By.id("kind")))).selectByValue("QUESTIONING_RECORD");
		new Select(driver.findElement(By.id("stageId"))).selectByIndex(1);
		driver.findElement(By.id("title")).sendKeys("询问笔录（浏览器）");
		driver.findElement(By.id("save-document")).click();
		wait.until(visibilityOfElementLocated(By.id("file-error")));

		var pdf = Files.createTempFile("questioning", ".pdf");
		try {
			Files.write(pdf, Pdfs.pages(1));
			driver.findElement(By.id("file")).sendKeys(pdf.toString());
			driver.findElement(By.id("save-document")).click();
			wait.until(urlContains("/documents/"));
		}
		finally {
			Files.deleteIfExists(pdf);
		}
		wait.until(textToBePresentInElementLocated(By.id("document-state"), "待确认"));

		sign("OFFICER", "zhang.wei", null);
		sign("OFFICER", "li.na", null);
		sign("PARTY", null, "东阳市示例食品有限公司");
		wait.until(textToBePresentInElementLocated(By.id("document-state"), "已确认"));
		assertThat(driver.findElements(By.cssSelector(".confirmation-row"))).hasSize(3);

		open("/cases/" + caseId);
		var row = wait.until(visibilityOfElementLocated(By.cssSelector(".document-row")));
		assertThat(row.getAttribute("data-effective")).isEqualTo("true");
		assertThat(row.getText()).contains("询问笔录（浏览器）", "已确认");
	}

	private void sign(String role, String signer, String name) {
		new Select(wait.until(visibilityOfElementLocated(By.id("c-role")))).selectByValue(role);
		if (signer != null) {
			new Select(driver.findElement(By.id("c-signer"))).selectByValue(signer);
		}
		if (name != null) {
			driver.findElement(By.id("c-name")).sendKeys(name);
		}
		driver.findElement(By.id("save-confirmation")).click();
		wait.until(urlContains("#confirmations"));
		wait.until(visibilityOfElementLocated(By.id("document-title")));
	}

	private void signIn(String username) {
		browser.signIn(Api.base(port), username);
	}

	private void open(String path) {
		driver.get(Api.base(port) + path);
	}
}
