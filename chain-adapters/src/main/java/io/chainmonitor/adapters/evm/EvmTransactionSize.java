package io.chainmonitor.adapters.evm;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import org.web3j.protocol.core.methods.response.AccessListObject;
import org.web3j.protocol.core.methods.response.AuthorizationTuple;
import org.web3j.protocol.core.methods.response.Transaction;
import org.web3j.rlp.RlpEncoder;
import org.web3j.rlp.RlpList;
import org.web3j.rlp.RlpString;
import org.web3j.rlp.RlpType;
import org.web3j.utils.Numeric;

/**
 * The size in bytes of a transaction's network encoding, rebuilt from the fields {@code eth_getBlockByNumber}
 * returns (RLP for legacy transactions, type byte plus RLP for EIP-2718 types 1 to 4), because EVM nodes do not
 * report it. {@code 0} for a type this code does not know.
 */
final class EvmTransactionSize {

    private EvmTransactionSize() {
    }

    static long of(Transaction tx) {
        int type = tx.getType() == null ? 0 : Numeric.decodeQuantity(tx.getType()).intValueExact();
        List<RlpType> fields = new ArrayList<>();
        switch (type) {
            case 0 -> {
                fields.add(quantity(tx.getNonce()));
                fields.add(quantity(tx.getGasPrice()));
                fields.add(quantity(tx.getGas()));
                fields.add(bytes(tx.getTo()));
                fields.add(quantity(tx.getValue()));
                fields.add(bytes(tx.getInput()));
                fields.add(RlpString.create(BigInteger.valueOf(tx.getV())));
                fields.add(quantity(tx.getR()));
                fields.add(quantity(tx.getS()));
                return RlpEncoder.encode(new RlpList(fields)).length;
            }
            case 1 -> {
                fields.add(RlpString.create(BigInteger.valueOf(tx.getChainId())));
                fields.add(quantity(tx.getNonce()));
                fields.add(quantity(tx.getGasPrice()));
                fields.add(quantity(tx.getGas()));
                fields.add(bytes(tx.getTo()));
                fields.add(quantity(tx.getValue()));
                fields.add(bytes(tx.getInput()));
                fields.add(accessList(tx.getAccessList()));
            }
            case 2, 3, 4 -> {
                fields.add(RlpString.create(BigInteger.valueOf(tx.getChainId())));
                fields.add(quantity(tx.getNonce()));
                fields.add(quantity(tx.getMaxPriorityFeePerGas()));
                fields.add(quantity(tx.getMaxFeePerGas()));
                fields.add(quantity(tx.getGas()));
                fields.add(bytes(tx.getTo()));
                fields.add(quantity(tx.getValue()));
                fields.add(bytes(tx.getInput()));
                fields.add(accessList(tx.getAccessList()));
                if (type == 3) {
                    fields.add(quantity(tx.getMaxFeePerBlobGas()));
                    fields.add(new RlpList(
                            byteStrings(tx.getBlobVersionedHashes())));
                }
                if (type == 4) {
                    fields.add(authorizations(tx.getAuthorizationList()));
                }
            }
            default -> {
                return 0;
            }
        }
        fields.add(tx.getYParity() != null
                ? quantity(tx.getYParity())
                : RlpString.create(BigInteger.valueOf(tx.getV())));
        fields.add(quantity(tx.getR()));
        fields.add(quantity(tx.getS()));
        return 1L + RlpEncoder.encode(new RlpList(fields)).length;
    }

    private static RlpList accessList(List<AccessListObject> entries) {
        List<RlpType> list = new ArrayList<>();
        for (AccessListObject entry : entries == null ? List.<AccessListObject>of() : entries) {
            list.add(new RlpList(bytes(entry.getAddress()),
                    new RlpList(byteStrings(entry.getStorageKeys()))));
        }
        return new RlpList(list);
    }

    private static RlpList authorizations(List<AuthorizationTuple> tuples) {
        List<RlpType> list = new ArrayList<>();
        for (AuthorizationTuple tuple : tuples == null ? List.<AuthorizationTuple>of() : tuples) {
            list.add(new RlpList(quantity(tuple.getChainId()), bytes(tuple.getAddress()), quantity(tuple.getNonce()),
                    quantity(tuple.getYParity()), quantity(tuple.getR()), quantity(tuple.getS())));
        }
        return new RlpList(list);
    }

    private static List<RlpType> byteStrings(List<String> hexes) {
        List<RlpType> list = new ArrayList<>();
        for (String hex : hexes == null ? List.<String>of() : hexes) {
            list.add(bytes(hex));
        }
        return list;
    }

    private static RlpString quantity(BigInteger value) {
        return RlpString.create(value);
    }

    private static RlpString quantity(String hex) {
        return RlpString.create(Numeric.toBigInt(hex));
    }

    private static RlpString bytes(String hex) {
        return RlpString.create(hex == null ? new byte[0] : Numeric.hexStringToByteArray(hex));
    }
}
