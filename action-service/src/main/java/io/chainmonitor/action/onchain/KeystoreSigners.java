package io.chainmonitor.action.onchain;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.stereotype.Component;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.WalletUtils;
import org.web3j.crypto.exception.CipherException;

import io.chainmonitor.action.ActionProperties;
import io.chainmonitor.action.onchain.ContractCallException.Reason;

/**
 * The keys contract-call steps sign with: web3j JSON keystore files (scrypt-encrypted) in the configured directory,
 * opened with the password in the configured secret file. A step names its key by file name; nothing else is read.
 */
@Component
class KeystoreSigners {

    private final Path directory;
    private final Path passwordFile;

    KeystoreSigners(ActionProperties properties) {
        this.directory = properties.onchain().keystoreDir();
        this.passwordFile = properties.onchain().keystorePasswordFile();
    }

    Credentials credentials(String signer) {
        if (directory == null || passwordFile == null) {
            throw new ContractCallException(Reason.SIGNER_UNAVAILABLE, "no keystore is configured "
                    + "(chain-monitor.action.onchain.keystore-dir and keystore-password-file)");
        }
        Path root = directory.toAbsolutePath().normalize();
        Path file = root.resolve(signer).normalize();
        // the signer name is checked when stored; this keeps a file outside the directory unreachable regardless
        if (!file.getParent().equals(root) || !Files.isRegularFile(file)) {
            throw new ContractCallException(Reason.SIGNER_UNAVAILABLE, "signer '" + signer + "' has no keystore file");
        }
        try {
            String password = Files.readString(passwordFile, StandardCharsets.UTF_8).strip();
            return WalletUtils.loadCredentials(password, file.toFile());
        } catch (IOException | CipherException e) {
            throw new ContractCallException(Reason.SIGNER_UNAVAILABLE,
                    "signer '" + signer + "' cannot be opened: " + e.getClass().getSimpleName());
        }
    }
}
