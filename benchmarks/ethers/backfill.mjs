// The anchor of the chain-watcher backfill benchmark: the same work as EvmChainClient.blocks(from, to) done with
// ethers v6 — blocks with their transactions, then the receipts of every block that has transactions, batched.
// Usage: node backfill.mjs <rpcUrl> <fromHeight> <toHeight> <window> <warmups> <passes>
// Prints one JSON object: blocks/s of every measured pass and the blocks, transactions and receipts of the last pass.
import { JsonRpcProvider, Network } from "ethers";

const [rpcUrl, fromArg, toArg, windowArg, warmupsArg, passesArg] = process.argv.slice(2);
if (passesArg === undefined) {
  console.error("usage: node backfill.mjs <rpcUrl> <fromHeight> <toHeight> <window> <warmups> <passes>");
  process.exit(2);
}
const from = Number(fromArg);
const to = Number(toArg);
const window = Number(windowArg);
const warmups = Number(warmupsArg);
const passes = Number(passesArg);

const provider = new JsonRpcProvider(rpcUrl, undefined, {
  // One batch per window, sent at once; no result cache, so every pass reads from the node.
  batchMaxCount: window,
  batchStallTime: 0,
  cacheTimeout: -1,
  staticNetwork: Network.from(Number(await new JsonRpcProvider(rpcUrl).send("eth_chainId", []))),
});

async function pass() {
  let blocks = 0;
  let transactions = 0;
  let receipts = 0;
  for (let start = from; start <= to; start += window) {
    const end = Math.min(start + window - 1, to);
    const heights = [];
    for (let n = start; n <= end; n++) heights.push(n);
    const read = await Promise.all(heights.map((n) => provider.getBlock(n, true)));
    const withTransactions = read.filter((block) => block.prefetchedTransactions.length > 0);
    const blockReceipts = await Promise.all(
      withTransactions.map((block) => provider.send("eth_getBlockReceipts", [block.hash])));
    for (const block of read) {
      if (block === null) throw new Error("a block in the range is missing");
      blocks += 1;
      transactions += block.prefetchedTransactions.length;
    }
    for (const list of blockReceipts) receipts += list.length;
  }
  return { blocks, transactions, receipts };
}

for (let i = 0; i < warmups; i++) await pass();
const blocksPerSecond = [];
let last;
for (let i = 0; i < passes; i++) {
  const started = process.hrtime.bigint();
  last = await pass();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  blocksPerSecond.push(last.blocks / seconds);
}
provider.destroy();
console.log(JSON.stringify({ ethers: (await import("ethers")).version, blocksPerSecond, ...last }));
