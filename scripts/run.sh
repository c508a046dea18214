#!/usr/bin/env bash
# The README's first command: installs anvil into .tools/ when it is missing (npm, no root), builds what the platform
# needs and starts it in one JVM with the demo on: a project "demo" created through the REST API, the anvil binary
# uploaded with its SHA-256, two replicas deployed and driven (blocks, a staged fork, a probe on the public port).
# Arguments go to the platform, e.g. `scripts/run.sh --chain-monitor.standalone.demo.enabled=false`.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-test-nodes.sh anvil
exec ./mvnw -B -pl standalone -am -DskipTests package spring-boot:run \
    "-Dspring-boot.run.arguments=--chain-monitor.standalone.demo.enabled=true $*"
