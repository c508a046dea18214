#!/usr/bin/env bash
# Writes the secrets docker-compose.yml reads from ./secrets/ (random, mode 0600), keeping any that exist.
set -euo pipefail
cd "$(dirname "$0")/.."
umask 077
mkdir -p secrets
make_secret() {
  local file="secrets/$1"
  if [[ ! -s "$file" ]]; then
    # 48 random bytes, base64: comfortably above the 32 bytes the JWT and node RPC secrets need.
    head -c 48 /dev/urandom | base64 -w0 > "$file"
    echo "wrote $file"
  fi
}
make_secret db-password
make_secret jwt-hmac-secret
make_secret node-rpc-secret
make_secret alerts-secret-key
make_secret grafana-admin-password
