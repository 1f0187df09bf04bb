package org.lawtrace.staff;

import java.util.Map;

import org.lawtrace.shared.web.ProblemResponses;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Who may call what. Every endpoint needs an authenticated caller, and each controller method says which roles
 * may call it ({@code @PreAuthorize}, enforced by an architecture test), so anything not explicitly allowed is
 * denied. The API is stateless (HTTP Basic or bearer token, no cookies, so no CSRF); the UI uses form login with
 * CSRF protection. An account whose password must be changed reaches only the change ({@link PasswordChangeGate});
 * repeated wrong passwords refuse the client's address, never the account as a whole ({@link LoginAttempts}).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	private static final String REALM = "Basic realm=\"LawTrace\", Bearer";

	@Bean
	PasswordEncoder passwordEncoder() {
		var argon2 = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
		var encoder = new DelegatingPasswordEncoder("argon2",
				Map.of("argon2", argon2, "bcrypt", new BCryptPasswordEncoder()));
		return encoder;
	}

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, StaffMembers members, StaffAccounts accounts,
			AuthenticationEventPublisher events) throws Exception {
		var bearer = new ApiTokenAuthentication(tokens, members, accounts);
		var manager = new ProviderManager(bearer);
		manager.setAuthenticationEventPublisher(events);
		var bearerFilter = new AuthenticationFilter(manager, bearer);
		bearerFilter.setSuccessHandler((request, response, authentication) -> {
		});
		bearerFilter.setFailureHandler((request, response, failure) -> unauthorized(response));
		return http.securityMatcher("/api/**")
			.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
			.httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> unauthorized(response)))
			.addFilterBefore(bearerFilter, BasicAuthenticationFilter.class)
			.addFilterBefore(new PasswordChangeGate(true), AuthorizationFilter.class)
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable())
			.exceptionHandling(errors -> errors
				.authenticationEntryPoint((request, response, e) -> unauthorized(response))
				.accessDeniedHandler((request, response, e) -> ProblemResponses.write(response, HttpStatus.FORBIDDEN,
						"无权执行此操作 (your roles do not allow this)")))
			.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain ui(HttpSecurity http) throws Exception {
		return http
			.authorizeHttpRequests(requests -> requests
				.requestMatchers("/login", "/webjars/**", "/css/**", "/js/**", "/favicon.ico", "/error",
						"/actuator/health", "/actuator/health/**")
				.permitAll()
				// operational metrics to the administrator only; any other actuator endpoint to no one (ADR 0023)
				.requestMatchers("/actuator/prometheus")
				.hasAnyRole(Permission.SCRAPE_METRICS.roles().stream().map(Role::name).toArray(String[]::new))
				.requestMatchers("/actuator/**").denyAll()
				.anyRequest().authenticated())
			.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", true).failureUrl("/login?error")
				.permitAll())
			.httpBasic(basic -> basic.realmName("LawTrace"))
			.logout(logout -> logout.logoutSuccessUrl("/login?logout"))
			.addFilterBefore(new PasswordChangeGate(false), AuthorizationFilter.class)
			.headers(headers -> headers
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
				.contentSecurityPolicy(csp -> csp.policyDirectives(
						"default-src 'self'; img-src 'self' data: blob:; media-src 'self' blob:; "
								+ "style-src 'self' 'unsafe-inline'; script-src 'self'; frame-ancestors 'none'")))
			.build();
	}

	private static void unauthorized(jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
		response.setHeader("WWW-Authenticate", REALM);
		ProblemResponses.write(response, HttpStatus.UNAUTHORIZED, "需要登录 (authentication required)");
	}
}
