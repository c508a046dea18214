package io.chainmonitor.action;

import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** Settings of the action-service, under {@code chain-monitor.action}; every one has a default. */
@Validated
@ConfigurationProperties("chain-monitor.action")
public record ActionProperties(@DefaultValue Outbound outbound, @DefaultValue Onchain onchain,
        @DefaultValue Spawner spawner) {

    /** Where user-given URLs (partner webhooks, http-call steps) may point. */
    public record Outbound(@DefaultValue List<String> allow) {
    }

    /** Where restart-replica and raise-replicas steps reach the spawner's API, and how long a call may take. */
    public record Spawner(@DefaultValue("http://127.0.0.1:8081") URI url, @DefaultValue("PT10S") Duration timeout) {
    }

    /**
     * contract-call steps: the directory of web3j JSON keystore files a step's {@code signer} names, the file holding
     * their password (none: no step can sign), the ceiling of any step's {@code maxSpendWei} and the longest wait for
     * a receipt.
     */
    public record Onchain(Path keystoreDir, Path keystorePasswordFile,
            @DefaultValue("1000000000000000000") BigInteger maxSpendWeiCeiling,
            @DefaultValue("PT2M") Duration receiptTimeout, @DefaultValue("PT0.5S") Duration receiptPollInterval) {
    }
}
