package io.chainmonitor.alerts.dispatch;

/** One channel: sends one message to one recipient, once, and says whether a failure may be retried. */
public interface Notifier {

    Channel channel();

    /** One attempt; never throws for a delivery problem, it returns it. */
    DeliveryResult send(AlertMessage message, Recipient recipient);
}
