#!/usr/bin/env bash
# Installs the real blockchain nodes the tests run: litecoind (Debian package) and anvil (npm package
# @foundry-rs/anvil, whose binary ships in the platform package @foundry-rs/anvil-<os>-<arch>; no postinstall
# download is needed, so install scripts are skipped). Idempotent and quiet; any failure stops it with a message.
# Run as root on a fresh Debian machine (CI) or as a user who can sudo. `install-test-nodes.sh anvil` installs only
# anvil (no root needed), which is all the demo of scripts/run.sh uploads.
set -euo pipefail

ANVIL_VERSION="1.7.1"
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ANVIL_PREFIX="${REPO_ROOT}/.tools/anvil"
# solc (npm package, the emscripten build run by node) checks the test contract's shipped bytecode (action-service).
SOLC_VERSION="0.8.37"
SOLC_PREFIX="${REPO_ROOT}/.tools/solc"

fail() {
    echo "install-test-nodes: $*" >&2
    exit 1
}

as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        fail "need root (or sudo) to run: $*"
    fi
}

anvil_package() {
    case "$(uname -s)-$(uname -m)" in
        Linux-x86_64) echo "anvil-linux-amd64" ;;
        Linux-aarch64) echo "anvil-linux-arm64" ;;
        Darwin-x86_64) echo "anvil-darwin-amd64" ;;
        Darwin-arm64) echo "anvil-darwin-arm64" ;;
        *) fail "no anvil package for $(uname -s) $(uname -m)" ;;
    esac
}

install_litecoind() {
    if command -v litecoind >/dev/null 2>&1; then
        return
    fi
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq || fail "apt-get update failed"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq litecoind >/dev/null \
        || fail "apt-get install litecoind failed"
    command -v litecoind >/dev/null 2>&1 || fail "litecoind is still not on the PATH"
}

install_anvil() {
    local binary="${ANVIL_PREFIX}/node_modules/@foundry-rs/$(anvil_package)/bin/anvil"
    if [ -x "${binary}" ] && "${binary}" --version 2>/dev/null | grep -q "Version: ${ANVIL_VERSION}"; then
        return
    fi
    command -v npm >/dev/null 2>&1 || fail "npm is needed to install anvil (apt-get install -y npm)"
    mkdir -p "${ANVIL_PREFIX}"
    npm install --prefix "${ANVIL_PREFIX}" --no-audit --no-fund --loglevel=error --ignore-scripts \
        "@foundry-rs/anvil@${ANVIL_VERSION}" >/dev/null || fail "npm install @foundry-rs/anvil@${ANVIL_VERSION} failed"
    [ -x "${binary}" ] || fail "anvil binary missing after install: ${binary}"
    "${binary}" --version | grep -q "Version: ${ANVIL_VERSION}" || fail "${binary} is not anvil ${ANVIL_VERSION}"
}

install_solc() {
    local binary="${SOLC_PREFIX}/node_modules/.bin/solcjs"
    if [ -x "${binary}" ] && "${binary}" --version 2>/dev/null | grep -q "^${SOLC_VERSION}+"; then
        return
    fi
    command -v npm >/dev/null 2>&1 || fail "npm is needed to install solc (apt-get install -y npm)"
    mkdir -p "${SOLC_PREFIX}"
    npm install --prefix "${SOLC_PREFIX}" --no-audit --no-fund --loglevel=error --ignore-scripts \
        "solc@${SOLC_VERSION}" >/dev/null || fail "npm install solc@${SOLC_VERSION} failed"
    "${binary}" --version | grep -q "^${SOLC_VERSION}+" || fail "${binary} is not solc ${SOLC_VERSION}"
}

case "${1:-all}" in
    all) install_litecoind; install_anvil; install_solc ;;
    anvil) install_anvil ;;
    litecoind) install_litecoind ;;
    solc) install_solc ;;
    *) fail "usage: install-test-nodes.sh [all|anvil|litecoind|solc]" ;;
esac
