#!/usr/bin/env bash
# Installs Debian's chromium and chromium-driver for the report page's browser tests
# (missed-calls-examples, package io.github.missedcalls.examples.web). It never fails the run:
# without them those tests skip with a message, and the rest of the suite runs as before.
set -u

if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  echo "== chromium for the browser tests: $(/usr/bin/chromedriver --version 2>/dev/null | head -1)"
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "== apt-get is not available: the browser tests will skip"
  exit 0
fi
sudo=""
if [ "$(id -u)" != "0" ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo="sudo -n"
  else
    echo "== installing chromium needs root: the browser tests will skip"
    exit 0
  fi
fi

echo "== installing chromium and chromium-driver for the browser tests"
log="$(mktemp)"
if $sudo apt-get update -qq >"$log" 2>&1 \
    && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq \
        chromium chromium-driver >>"$log" 2>&1; then
  echo "== $(/usr/bin/chromedriver --version 2>/dev/null | head -1)"
else
  echo "== chromium could not be installed (last lines of apt below): the browser tests will skip"
  tail -5 "$log"
fi
rm -f "$log"
exit 0
