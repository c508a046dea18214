package io.chainmonitor.benchmarks.backfill;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

import io.chainmonitor.adapters.ClientSettings;
import io.chainmonitor.adapters.NodeEndpoint.Credentials;
import io.chainmonitor.adapters.rpc.JdkHttpTransport;
import io.chainmonitor.adapters.rpc.JsonRpcClient;
import io.chainmonitor.adapters.rpc.RpcAuthorization;
import io.chainmonitor.adapters.rpc.RpcCall;

/**
 * The same two batches per window as {@code EvmChainClient} (blocks with transactions, then block receipts) read as
 * plain JSON trees and only counted: how fast the node itself answers, the floor under every client's figure.
 */
final class RawReader implements AutoCloseable {

    /** What one pass read. */
    record Counts(long blocks, long transactions, long receipts) {
    }

    private final JsonRpcClient rpc;

    RawReader(AnvilNode anvil, ClientSettings settings) {
        this.rpc = new JsonRpcClient(new JdkHttpTransport(anvil.rpcUrl(), settings.requestTimeout()),
                new RpcAuthorization(new Credentials.None()), settings, "2.0");
    }

    Counts pass(long fromHeight, long toHeight, int window) {
        long blocks = 0;
        long transactions = 0;
        long receipts = 0;
        for (long from = fromHeight; from <= toHeight; from += window) {
            long to = Math.min(from + window - 1, toHeight);
            List<RpcCall> receiptCalls = new ArrayList<>();
            for (JsonNode block : rpc.batchResults(
                    RpcCall.perHeight(from, to, n -> RpcCall.of("eth_getBlockByNumber", "0x" + Long.toHexString(n),
                            true)))) {
                blocks++;
                int count = block.required("transactions").size();
                transactions += count;
                if (count > 0) {
                    receiptCalls.add(RpcCall.of("eth_getBlockReceipts", block.required("hash").asString()));
                }
            }
            if (!receiptCalls.isEmpty()) {
                for (JsonNode list : rpc.batchResults(receiptCalls)) {
                    receipts += list.size();
                }
            }
        }
        return new Counts(blocks, transactions, receipts);
    }

    @Override
    public void close() {
        rpc.close();
    }
}
