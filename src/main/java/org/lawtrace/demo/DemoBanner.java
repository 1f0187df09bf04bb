package org.lawtrace.demo;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Tells the newcomer where to open the demo and how to sign in. */
@Component
class DemoBanner {

	@EventListener
	void on(ApplicationReadyEvent event) {
		Environment env = event.getApplicationContext().getEnvironment();
		if (!env.getProperty("lawtrace.demo", Boolean.class, false)) {
			return;
		}
		var port = env.getProperty("local.server.port", env.getProperty("server.port", "8080"));
		var host = env.getProperty("server.address", "127.0.0.1");
		System.out.printf("""

				================================================================
				 LawTrace 执法全过程记录平台 — 演示局 东阳市市场监督管理局
				 Open:  http://%s:%s/
				 API:   http://%s:%s/swagger-ui.html
				 Demo accounts (password "%s"):
				   zhang.wei, li.na   执法人员 OFFICER        wang.qiang  协助人员 ASSISTANT
				   zhao.min           档案管理 CUSTODIAN      chen.jing   法制机构 LEGAL_AFFAIRS
				   liu.yang, he.jun   分管副局长 DEPUTY_DIRECTOR sun.li   局长 DIRECTOR
				   zhou.tao           执纪机构 DISCIPLINE     admin       系统管理员 ADMIN
				   huang.lei          执法人员 (执法证已过期 certificate expired)
				================================================================

				""", host, port, host, port, DemoBureau.PASSWORD);
	}
}
