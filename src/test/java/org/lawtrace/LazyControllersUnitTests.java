package org.lawtrace;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

class LazyControllersUnitTests {

	@Controller
	static class Pages {
	}

	@RestController
	static class Api {
	}

	@RestController
	static class WithATimer {

		@Scheduled(fixedDelay = 1000)
		void tick() {
		}
	}

	@RestController
	static class ListensAtStart {

		@EventListener(ApplicationReadyEvent.class)
		void ready() {
		}
	}

	@Component
	static class Service {
	}

	@Test
	@DisplayName("Issue 16: controllers that only answer requests are made at their first request; one with a timer "
			+ "or a listener of its own, and every other bean, at start")
	void onlyControllersThatOnlyAnswerRequestsWait() {
		assertThat(LazyControllers.onlyAnswersRequests(Pages.class)).isTrue();
		assertThat(LazyControllers.onlyAnswersRequests(Api.class)).isTrue();
		assertThat(LazyControllers.onlyAnswersRequests(WithATimer.class)).isFalse();
		assertThat(LazyControllers.onlyAnswersRequests(ListensAtStart.class)).isFalse();
		assertThat(LazyControllers.onlyAnswersRequests(Service.class)).isFalse();
	}
}
