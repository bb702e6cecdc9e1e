#!/bin/sh
# Test-only system packages: Chromium for the live-preview test (tests/themes/test_serve_browser.py,
# skipped when no Chromium is found). Not needed to use briefgen. Debian/Ubuntu via apt-get.
set -e
command -v chromium >/dev/null 2>&1 && exit 0
if command -v apt-get >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1 && SUDO="sudo"
  echo "installing chromium (for the browser test)" >&2
  # Wait up to two minutes for another apt or dpkg to release its lock (as system-deps.sh does).
  $SUDO apt-get -o DPkg::Lock::Timeout=120 update -qq >/dev/null 2>&1 || true
  $SUDO apt-get -o DPkg::Lock::Timeout=120 install -y -qq chromium >/dev/null || echo "could not install chromium: the browser test will be skipped" >&2
else
  echo "briefgen tests: install Chromium with your package manager to run the browser test" >&2
fi
