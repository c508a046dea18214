package io.chainmonitor.standalone;

import org.springframework.context.ConfigurableApplicationContext;

/** A service started by the standalone platform, with the ports it actually listens on. */
record RunningService(Service service, ConfigurableApplicationContext context, int port, int managementPort) {

    static RunningService of(Service service, ConfigurableApplicationContext context) {
        var environment = context.getEnvironment();
        int port = environment.getRequiredProperty("local.server.port", Integer.class);
        int managementPort = environment.getProperty("local.management.port", Integer.class, port);
        return new RunningService(service, context, port, managementPort);
    }
}
