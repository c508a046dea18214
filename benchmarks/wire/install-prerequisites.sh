#!/usr/bin/env bash
# Installs what the wire-listener benchmarks compare against (ARCHITECTURE §8): nginx as the reverse-proxy anchor
# of the pass-through figure, and ModSecurity v3 with the OWASP Core Rule Set as the anchor of the classification
# figure (the nginx connector module, and the library's headers for a harness linked to libmodsecurity directly).
# Debian packages only; idempotent and quiet; any failure stops it with a message. Run as root or as a user who can
# sudo. Never run by .ci/run: the benchmarks run only on purpose. The harnesses start nginx themselves on a loopback
# port with a generated configuration; the distribution's own nginx service is not used (and is stopped if the
# package started it, so it holds no port).
set -euo pipefail

PACKAGES=(nginx libnginx-mod-http-modsecurity libmodsecurity3 libmodsecurity-dev modsecurity-crs)

fail() {
    echo "install-prerequisites: $*" >&2
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

missing=()
for package in "${PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "${package}" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("${package}")
    fi
done

if [ "${#missing[@]}" -gt 0 ]; then
    command -v apt-get >/dev/null 2>&1 || fail "apt-get not found: install ${missing[*]} with the system's package manager"
    as_root apt-get update -qq || fail "apt-get update failed"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" \
        || fail "apt-get install ${missing[*]} failed"
fi

# The package may have started the distribution's nginx on port 80; the benchmarks start their own.
if command -v service >/dev/null 2>&1 && pgrep -x nginx >/dev/null 2>&1 && [ -f /run/nginx.pid ]; then
    as_root service nginx stop >/dev/null 2>&1 || true
fi

command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || fail "nginx is not on the PATH after installing"
[ -f /usr/lib/nginx/modules/ngx_http_modsecurity_module.so ] \
    || fail "the nginx ModSecurity module is missing (libnginx-mod-http-modsecurity)"
[ -d /usr/share/modsecurity-crs/rules ] || fail "the Core Rule Set is missing (modsecurity-crs)"
echo "install-prerequisites: nginx $(/usr/sbin/nginx -v 2>&1 | sed 's/.*nginx\///'), libmodsecurity3, CRS ready"
