package io.chainmonitor.alerts.channel.email;

import java.net.ConnectException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import io.chainmonitor.alerts.AlertsProperties;
import io.chainmonitor.alerts.dispatch.AlertMessage;
import io.chainmonitor.alerts.dispatch.Channel;
import io.chainmonitor.alerts.dispatch.DeliveryResult;
import io.chainmonitor.alerts.dispatch.FailureReason;
import io.chainmonitor.alerts.dispatch.Notifier;
import io.chainmonitor.alerts.dispatch.Recipient;

/**
 * Email through the platform's SMTP server ({@code spring.mail.*}): a multipart/alternative message with a text and
 * an HTML part. Without an SMTP server every attempt is a permanent "SMTP not configured" failure, not a start-up
 * error.
 */
@Component
class EmailNotifier implements Notifier {

    private final ObjectProvider<JavaMailSender> mail;
    private final String from;
    private final EmailTemplates templates = new EmailTemplates();

    EmailNotifier(ObjectProvider<JavaMailSender> mail, AlertsProperties properties) {
        this.mail = mail;
        this.from = properties.email().from();
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public DeliveryResult send(AlertMessage message, Recipient recipient) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            return new DeliveryResult.PermanentFailure(FailureReason.NOT_CONFIGURED,
                    "SMTP not configured: set spring.mail.host");
        }
        if (recipient.email() == null) {
            return new DeliveryResult.PermanentFailure(FailureReason.NO_ADDRESS,
                    "contact " + recipient.name() + " has no email address");
        }
        try {
            MimeMessage mime = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(mime, true, "UTF-8");
            helper.setFrom(from);
            helper.setTo(recipient.email());
            helper.setSubject(message.subject());
            helper.setText(templates.text(message), templates.html(message));
            mime.setHeader("X-ChainMonitor-Notification", message.notificationId());
            sender.send(mime);
            return new DeliveryResult.Delivered("accepted by SMTP server");
        } catch (MessagingException e) {
            return new DeliveryResult.PermanentFailure(FailureReason.REJECTED, "message not built: " + e.getMessage());
        } catch (MailAuthenticationException e) {
            return new DeliveryResult.PermanentFailure(FailureReason.NOT_CONFIGURED,
                    "SMTP authentication failed: " + e.getMessage());
        } catch (MailSendException e) {
            return classify(e);
        } catch (MailException e) {
            return new DeliveryResult.RetryableFailure(FailureReason.CONNECTION_FAILED, e.getMessage());
        }
    }

    private static DeliveryResult classify(MailSendException e) {
        for (Exception failed : e.getFailedMessages().values()) {
            for (Throwable cause = failed; cause != null; cause = cause.getCause()) {
                if (cause instanceof SendFailedException refused) {
                    return new DeliveryResult.PermanentFailure(FailureReason.REJECTED,
                            "SMTP server refused the recipient: " + refused.getMessage());
                }
                if (cause instanceof ConnectException) {
                    return new DeliveryResult.RetryableFailure(FailureReason.CONNECTION_FAILED, cause.getMessage());
                }
            }
        }
        return new DeliveryResult.RetryableFailure(FailureReason.SERVER_ERROR, e.getMessage());
    }
}
