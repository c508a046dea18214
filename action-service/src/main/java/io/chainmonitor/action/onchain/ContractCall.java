package io.chainmonitor.action.onchain;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Function;
import org.web3j.crypto.Keys;
import org.web3j.crypto.WalletUtils;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.chainmonitor.action.ActionException;
import io.chainmonitor.action.ActionException.Reason;

/**
 * A contract-call step's parameters, checked: the contract (EIP-55 checksummed), the function and its ABI-encoded
 * arguments, the gas limit, the spending cap and the keystore signer. The same parse runs when a policy is stored
 * and when the step runs, so a stored step always runs what was checked.
 */
record ContractCall(String rpcUrl, String contract, Function function, BigInteger gasLimit, BigInteger maxSpendWei,
        String signer) {

    static final BigInteger DEFAULT_GAS_LIMIT = BigInteger.valueOf(300_000);
    static final BigInteger MAX_GAS_LIMIT = BigInteger.valueOf(10_000_000);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The ABI call data. */
    String data() {
        return FunctionEncoder.encode(function);
    }

    /** What is called, as a person reads it: {@code pause() on 0xAbC…}. */
    String describe() {
        return function.getName() + "(" + String.join(",", argumentTexts()) + ") on " + contract;
    }

    private List<String> argumentTexts() {
        return function.getInputParameters().stream().map(type -> String.valueOf(type.getValue())).toList();
    }

    /** Parses the parameters; a bad one is refused naming {@code at.<parameter>}. */
    static ContractCall parse(String at, Map<String, String> parameters, BigInteger spendCeiling) {
        String rpcUrl = required(at, parameters, "rpcUrl");
        String contract = address(at + ".contract", required(at, parameters, "contract"));
        String signature = required(at, parameters, "function");
        List<String> arguments = arguments(at + ".arguments", parameters.get("arguments"));
        SoliditySignature parsed = SoliditySignature.parse(at + ".function", signature);
        Function function = new Function(parsed.name(), parsed.arguments(at + ".arguments", arguments), List.of());
        BigInteger gasLimit = parameters.containsKey("gasLimit")
                ? number(at + ".gasLimit", parameters.get("gasLimit"))
                : DEFAULT_GAS_LIMIT;
        if (gasLimit.signum() <= 0 || gasLimit.compareTo(MAX_GAS_LIMIT) > 0) {
            throw invalid(at + ".gasLimit", "must be between 1 and " + MAX_GAS_LIMIT);
        }
        if (!parameters.containsKey("maxSpendWei")) {
            throw invalid(at + ".maxSpendWei", "is required: the most wei this step may spend on gas");
        }
        BigInteger maxSpend = number(at + ".maxSpendWei", parameters.get("maxSpendWei"));
        if (maxSpend.signum() <= 0 || maxSpend.compareTo(spendCeiling) > 0) {
            throw invalid(at + ".maxSpendWei", "must be between 1 and " + spendCeiling
                    + " (chain-monitor.action.onchain.max-spend-wei-ceiling)");
        }
        String signer = required(at, parameters, "signer");
        if (!signer.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,127}")) {
            throw invalid(at + ".signer", "must name a keystore file: letters, digits, '.', '_' or '-'");
        }
        return new ContractCall(rpcUrl, contract, function, gasLimit, maxSpend, signer);
    }

    private static String address(String field, String value) {
        if (!WalletUtils.isValidAddress(value) || !value.startsWith("0x")) {
            throw invalid(field, "must be a 0x-prefixed 20-byte address");
        }
        String checksummed = Keys.toChecksumAddress(value);
        boolean mixedCase = !value.substring(2).equals(value.substring(2).toLowerCase())
                && !value.substring(2).equals(value.substring(2).toUpperCase());
        // EIP-55: an all-lower or all-upper address carries no checksum; a mixed-case one must match it
        if (mixedCase && !checksummed.equals(value)) {
            throw invalid(field, "fails its EIP-55 checksum (expected " + checksummed + ")");
        }
        return checksummed;
    }

    private static List<String> arguments(String field, String value) {
        if (value == null) {
            return List.of();
        }
        JsonNode node;
        try {
            node = JSON.readTree(value);
        } catch (JacksonException e) {
            throw invalid(field, "must be a JSON array such as [\"0xabc…\", \"42\"]");
        }
        if (node == null || !node.isArray()) {
            throw invalid(field, "must be a JSON array such as [\"0xabc…\", \"42\"]");
        }
        List<String> texts = new ArrayList<>();
        for (JsonNode element : node) {
            if (!element.isValueNode() || element.isNull()) {
                throw invalid(field, "must hold only strings, numbers or booleans");
            }
            texts.add(element.asString());
        }
        return texts;
    }

    private static BigInteger number(String field, String value) {
        try {
            return new BigInteger(value.trim());
        } catch (NumberFormatException e) {
            throw invalid(field, "must be a whole number");
        }
    }

    private static String required(String at, Map<String, String> parameters, String name) {
        String value = parameters.get(name);
        if (value == null || value.isBlank()) {
            throw invalid(at + "." + name, "is required");
        }
        return value.trim();
    }

    static ActionException invalid(String field, String message) {
        return ActionException.invalidField(Reason.INVALID_REQUEST, field, message);
    }
}
