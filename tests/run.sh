#!/usr/bin/env bash
# Set up and run the whole test suite (README command 2; .ci/run runs exactly this).
# Installs what the tests need: Debian's chromium for the browser tests, and the
# Python packages of requirements-dev.txt into .venv.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/pip install -q --disable-pip-version-check -r requirements-dev.txt
# -n auto: one worker per core (pytest-xdist); each worker builds its own session fixtures
exec .venv/bin/python -m pytest -q -p no:cacheprovider -n auto -m "slow or not slow" "$@"
