package org.lawtrace.shared.web;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API contract integrators read at {@code /v3/api-docs} (collection stations, the province's case systems):
 * who the API is, how a caller signs in (HTTP Basic or a bearer API token), and the RFC 9457 problem answers every
 * operation may give. Summaries and descriptions come from each controller method's Javadoc.
 */
@Configuration(proxyBeanMethods = false)
class ApiContract {

	static final String PROBLEM = "Problem";
	static final String BASIC = "basicAuth";
	static final String BEARER = "bearerAuth";

	private static final Map<String, String> PROBLEMS = Map.of(
			"400", "The request is malformed; `field` names the part at fault.",
			"401", "No credentials, or wrong ones.",
			"403", "The caller's roles do not allow this.",
			"404", "No such resource, or the caller may not know it exists (ART-20).");

	@Bean
	OpenApiCustomizer lawTraceContract() {
		return api -> {
			api.info(new Info().title("LawTrace 执法全过程记录平台 API")
				.version("v1")
				.description("Whole-process enforcement recording: cases, audio-visual and text records, access by "
						+ "approval, evidence packages, the audit log. JSON over HTTPS; errors are RFC 9457 "
						+ "application/problem+json naming the field at fault; ids are UUIDs; times ISO-8601 with offset.")
				.license(new License().name("Proprietary, for the bureau's own use").identifier("LicenseRef-LawTrace")));
			var components = api.getComponents() == null ? new Components() : api.getComponents();
			api.components(components
				.addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
					.description("A staff member's username and password."))
				.addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
					.bearerFormat("lt_…").description("An API token (a station's, or one a staff member made)."))
				.addSchemas(PROBLEM, problemSchema()));
			api.security(List.of(new SecurityRequirement().addList(BASIC), new SecurityRequirement().addList(BEARER)));
			if (api.getPaths() != null) {
				api.getPaths().values().forEach(path -> path.readOperations().forEach(ApiContract::declareProblems));
			}
		};
	}

	private static void declareProblems(Operation operation) {
		PROBLEMS.forEach((status, meaning) -> {
			if (operation.getResponses() != null && !operation.getResponses().containsKey(status)) {
				operation.getResponses().addApiResponse(status, new ApiResponse().description(meaning)
					.content(new Content().addMediaType("application/problem+json",
							new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
			}
		});
	}

	@SuppressWarnings("rawtypes")
	private static Schema problemSchema() {
		return new ObjectSchema().description("RFC 9457 problem details, with the field at fault where there is one.")
			.addProperty("type", new StringSchema())
			.addProperty("title", new StringSchema())
			.addProperty("status", new IntegerSchema())
			.addProperty("detail", new StringSchema())
			.addProperty("instance", new StringSchema())
			.addProperty("field", new StringSchema().description("the request field, part or header at fault"));
	}
}
