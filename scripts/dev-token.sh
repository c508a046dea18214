#!/usr/bin/env bash
# Prints a user token (HS256 JWT) for a local standalone platform, signed with the key the platform made in its data
# directory. For one machine and its owner only, until the dashboard issues tokens: whoever can read the key can act
# as any user. Usage: scripts/dev-token.sh [subject] [lifetime-seconds] (defaults: $USER, 3600).
set -euo pipefail

subject="${1:-${USER:-operator}}"
lifetime="${2:-3600}"
data_directory="${CHAIN_MONITOR_DATA:-data}"
key_file="${data_directory}/secrets/token-signing.key"

[ -r "${key_file}" ] || { echo "dev-token: no ${key_file}; start the platform once first" >&2; exit 1; }
[[ "${subject}" =~ ^[A-Za-z0-9._@-]+$ ]] || { echo "dev-token: subject may hold letters, digits and ._@- only" >&2; exit 1; }
[[ "${lifetime}" =~ ^[0-9]+$ ]] || { echo "dev-token: lifetime is a number of seconds" >&2; exit 1; }

key="$(tr -d '\n' < "${key_file}")"
now="$(date +%s)"
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
header="$(printf '{"alg":"HS256","typ":"JWT"}' | b64url)"
payload="$(printf '{"sub":"%s","iat":%d,"exp":%d}' "${subject}" "${now}" "$((now + lifetime))" | b64url)"
signature="$(printf '%s.%s' "${header}" "${payload}" | openssl dgst -sha256 -hmac "${key}" -binary | b64url)"
printf '%s.%s.%s\n' "${header}" "${payload}" "${signature}"
