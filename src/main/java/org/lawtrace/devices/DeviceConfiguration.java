package org.lawtrace.devices;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds the bureau's device rules. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DeviceSettings.class)
class DeviceConfiguration {
}
