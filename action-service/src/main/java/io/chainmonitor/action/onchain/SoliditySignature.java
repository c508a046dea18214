package io.chainmonitor.action.onchain;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.web3j.abi.TypeDecoder;
import org.web3j.abi.datatypes.Type;
import org.web3j.crypto.WalletUtils;
import org.web3j.utils.Numeric;

/**
 * A Solidity function signature such as {@code setGuardian(address)}, limited to elementary types (address, bool,
 * string, bytes, bytes1–32, int/uint 8–256): what an emergency function takes. Arrays and tuples are refused.
 */
record SoliditySignature(String name, List<String> types) {

    private static final Pattern SIGNATURE = Pattern.compile("([A-Za-z_$][A-Za-z0-9_$]*)\\(([^()]*)\\)");
    private static final Pattern INTEGER = Pattern.compile("u?int(\\d{0,3})");
    private static final Pattern FIXED_BYTES = Pattern.compile("bytes(\\d{1,2})");

    static SoliditySignature parse(String field, String signature) {
        Matcher matcher = SIGNATURE.matcher(signature.replace(" ", ""));
        if (!matcher.matches()) {
            throw ContractCall.invalid(field, "must be a Solidity signature such as pause() or setGuardian(address)");
        }
        List<String> types = matcher.group(2).isEmpty()
                ? List.of()
                : Arrays.stream(matcher.group(2).split(",", -1)).map(type -> canonical(field, type)).toList();
        return new SoliditySignature(matcher.group(1), types);
    }

    /** The arguments as ABI values, one per parameter type; a count or type mismatch is refused naming the index. */
    List<Type> arguments(String field, List<String> values) {
        if (values.size() != types.size()) {
            throw ContractCall.invalid(field, "holds " + values.size() + " values but " + name + " takes "
                    + types.size() + " " + types);
        }
        List<Type> encoded = new ArrayList<>();
        for (int i = 0; i < types.size(); i++) {
            encoded.add(argument(field + "[" + i + "]", types.get(i), values.get(i)));
        }
        return encoded;
    }

    private static Type argument(String field, String type, String value) {
        Object converted;
        try {
            converted = switch (type) {
                case "address" -> {
                    if (!WalletUtils.isValidAddress(value) || !value.startsWith("0x")) {
                        throw ContractCall.invalid(field, "must be a 0x-prefixed address for type address");
                    }
                    yield value;
                }
                case "bool" -> switch (value) {
                    case "true" -> Boolean.TRUE;
                    case "false" -> Boolean.FALSE;
                    default -> throw ContractCall.invalid(field, "must be true or false for type bool");
                };
                case "string" -> value;
                case "bytes" -> Numeric.hexStringToByteArray(value);
                default -> type.startsWith("bytes") ? fixedBytes(field, type, value) : integer(field, type, value);
            };
            return TypeDecoder.instantiateType(type, converted);
        } catch (ReflectiveOperationException | RuntimeException e) {
            if (e instanceof io.chainmonitor.action.ActionException refusal) {
                throw refusal;
            }
            throw ContractCall.invalid(field, "is not a valid " + type + ": " + e.getMessage());
        }
    }

    private static byte[] fixedBytes(String field, String type, String value) {
        byte[] bytes = Numeric.hexStringToByteArray(value);
        if (bytes.length != Integer.parseInt(type.substring(5))) {
            throw ContractCall.invalid(field, "must be exactly " + type.substring(5) + " bytes for type " + type);
        }
        return bytes;
    }

    private static BigInteger integer(String field, String type, String value) {
        BigInteger number;
        try {
            number = new BigInteger(value);
        } catch (NumberFormatException e) {
            throw ContractCall.invalid(field, "must be a whole number for type " + type);
        }
        int bits = Integer.parseInt(type.substring(type.indexOf("int") + 3));
        boolean unsigned = type.startsWith("u");
        BigInteger max = unsigned
                ? BigInteger.TWO.pow(bits).subtract(BigInteger.ONE)
                : BigInteger.TWO.pow(bits - 1).subtract(BigInteger.ONE);
        BigInteger min = unsigned ? BigInteger.ZERO : BigInteger.TWO.pow(bits - 1).negate();
        if (number.compareTo(min) < 0 || number.compareTo(max) > 0) {
            throw ContractCall.invalid(field, "is out of range for type " + type);
        }
        return number;
    }

    private static String canonical(String field, String type) {
        if (type.equals("address") || type.equals("bool") || type.equals("string") || type.equals("bytes")) {
            return type;
        }
        Matcher integer = INTEGER.matcher(type);
        if (integer.matches()) {
            int bits = integer.group(1).isEmpty() ? 256 : Integer.parseInt(integer.group(1));
            if (bits >= 8 && bits <= 256 && bits % 8 == 0) {
                return (type.startsWith("u") ? "uint" : "int") + bits;
            }
        }
        Matcher bytes = FIXED_BYTES.matcher(type);
        if (bytes.matches()) {
            int size = Integer.parseInt(bytes.group(1));
            if (size >= 1 && size <= 32) {
                return type;
            }
        }
        throw ContractCall.invalid(field, "has a parameter type '" + type
                + "' that is not supported (address, bool, string, bytes, bytes1-32, int/uint 8-256)");
    }
}
