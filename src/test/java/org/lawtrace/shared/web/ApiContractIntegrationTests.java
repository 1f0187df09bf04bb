package org.lawtrace.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lawtrace.Api;
import org.lawtrace.LawTraceIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The contract integrators read at {@code /v3/api-docs} (collection stations, the province's case systems) keeps
 * what redocly's recommended rules ask of it: every operation has a summary and a description, declares how to sign
 * in and the RFC 9457 problems it may answer, and declares every parameter its path names. Checked here so that a
 * new endpoint without them fails the build, without Node.js in the build.
 */
@LawTraceIntegrationTest
class ApiContractIntegrationTests {

	private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}]+)}");

	@LocalServerPort
	int port;

	@Test
	@DisplayName("every operation has a summary, a description, the sign-in schemes, problem answers and its path parameters")
	void everyOperationIsDocumented() throws Exception {
		var body = Api.as(port, "sun.li").get().uri("/v3/api-docs").exchange().expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody();
		var api = JsonMapper.builder().build().readTree(body);
		var schemes = api.path("components").path("securitySchemes");
		assertThat(schemes.path("basicAuth").path("scheme").asText()).isEqualTo("basic");
		assertThat(schemes.path("bearerAuth").path("scheme").asText()).isEqualTo("bearer");
		assertThat(api.path("security").size()).isEqualTo(2);
		assertThat(api.path("info").path("license").path("name").asText()).isNotBlank();

		var faults = new ArrayList<String>();
		var operations = 0;
		for (var path : api.path("paths").properties()) {
			for (var entry : path.getValue().properties()) {
				operations++;
				var name = entry.getKey().toUpperCase() + " " + path.getKey();
				var operation = entry.getValue();
				if (operation.path("summary").asText().isBlank()) {
					faults.add(name + ": no summary");
				}
				if (operation.path("description").asText().isBlank()) {
					faults.add(name + ": no description");
				}
				for (var status : List.of("400", "401", "403", "404")) {
					if (!operation.path("responses").has(status)) {
						faults.add(name + ": no " + status + " answer");
					}
				}
				var declared = new ArrayList<String>();
				operation.path("parameters").forEach(p -> {
					if ("path".equals(p.path("in").asText())) {
						declared.add(p.path("name").asText());
					}
				});
				var variables = PATH_VARIABLE.matcher(path.getKey());
				while (variables.find()) {
					if (!declared.contains(variables.group(1))) {
						faults.add(name + ": path parameter {" + variables.group(1) + "} not declared");
					}
				}
			}
		}
		assertThat(operations).as("operations in the contract").isGreaterThan(100);
		assertThat(faults).as("operations the contract leaves undocumented").isEmpty();
	}
}
