#!/usr/bin/env bash
# Writes the secrets docker-compose.yml reads from ./secrets/ (random values), keeping any that exist.
# The directory is the owner's alone (0700). Compose bind-mounts each file into the containers as it is, without
# changing owner or mode, and the services run as uid 10001 (Grafana as 472): the files themselves are 0644 so that
# they can read them; the directory is what keeps other local users out.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p secrets
chmod 0700 secrets
make_secret() {
  local file="secrets/$1"
  if [[ ! -s "$file" ]]; then
    # 48 random bytes, base64: above the 32 bytes the JWT, node RPC and alerts secrets need.
    head -c 48 /dev/urandom | base64 -w0 > "$file"
    echo "wrote $file"
  fi
  chmod 0644 "$file"
}
make_secret db-password
# Named as standalone names its key, so that `CHAIN_MONITOR_DATA=. scripts/dev-token.sh` mints tokens for compose.
make_secret token-signing.key
make_secret node-rpc-secret
make_secret alerts-secret-key
make_secret grafana-admin-password
