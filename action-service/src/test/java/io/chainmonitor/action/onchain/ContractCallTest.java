package io.chainmonitor.action.onchain;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.chainmonitor.action.ActionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContractCallTest {

    private static final BigInteger CEILING = BigInteger.TEN.pow(18);

    @Test
    void aSetGuardianCallIsEncodedAsTheAbiSaysWithItsDefaults() {
        ContractCall call = ContractCall.parse("p", parameters("setGuardian(address)",
                "[\"0x000000000000000000000000000000000000dEaD\"]"), CEILING);

        // selector of setGuardian(address) = keccak256("setGuardian(address)")[0..4], then the padded address
        assertThat(call.data()).isEqualTo("0x8a0dac4a000000000000000000000000000000000000000000000000000000000000dead");
        assertThat(call.gasLimit()).isEqualTo(ContractCall.DEFAULT_GAS_LIMIT);
        assertThat(call.contract()).isEqualTo("0x5FbDB2315678afecb367f032d93F642f64180aa3");
    }

    @Test
    void integersBoolsAndFixedBytesAreCheckedAgainstTheirTypes() {
        ContractCall call = ContractCall.parse("p",
                parameters("set(uint8,bool,bytes2,int)", "[255, true, \"0xbeef\", -1]"),
                CEILING);
        assertThat(call.function().getInputParameters()).hasSize(4);
        assertThat(call.describe()).startsWith("set(255,true,");
    }

    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource(delimiter = '|', value = {
            "set(uint8) | [256] | p.arguments[0]",
            "set(uint) | [-1] | p.arguments[0]",
            "set(bool) | [\"yes\"] | p.arguments[0]",
            "set(bytes2) | [\"0xbeefaa\"] | p.arguments[0]",
            "set(uint7) | [1] | p.function",
            "set(address,address) | [\"0x000000000000000000000000000000000000dEaD\"] | p.arguments",
            "set(address) | {\"a\": 1} | p.arguments",
            "1set() | [] | p.function"})
    void aValueThatDoesNotFitItsSignatureIsRefusedNamingIt(String function, String arguments, String field) {
        assertThatThrownBy(() -> ContractCall.parse("p", parameters(function, arguments), CEILING))
                .isInstanceOfSatisfying(ActionException.class,
                        refused -> assertThat(refused.getMessage()).startsWith("'" + field + "'"));
    }

    @Test
    void aSignerNameCannotLeaveTheKeystoreDirectory() {
        Map<String, String> parameters = parameters("pause()", "[]");
        parameters.put("signer", "../secrets");
        assertThatThrownBy(() -> ContractCall.parse("p", parameters, CEILING)).hasMessageStartingWith("'p.signer'");
    }

    @Test
    void anAllLowerCaseAddressHasNoChecksumToCheckAndIsChecksummed() {
        Map<String, String> parameters = parameters("pause()", "[]");
        parameters.put("contract", "0x5fbdb2315678afecb367f032d93f642f64180aa3");
        assertThat(ContractCall.parse("p", parameters, CEILING).contract())
                .isEqualTo("0x5FbDB2315678afecb367f032d93F642f64180aa3");
    }

    private static Map<String, String> parameters(String function, String arguments) {
        return new HashMap<>(Map.of("rpcUrl", "http://127.0.0.1:8545", "contract",
                "0x5FbDB2315678afecb367f032d93F642f64180aa3", "function", function, "arguments", arguments,
                "maxSpendWei", "1000", "signer", "owner.json"));
    }
}
