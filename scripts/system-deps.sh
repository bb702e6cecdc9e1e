#!/bin/sh
# Install the system libraries WeasyPrint needs for fast, correct PDFs, where the OS lacks them.
# Pango (text layout) is required; HarfBuzz-subset makes font subsetting ~50x faster than the
# pure-Python fallback (see `briefgen doctor`). Debian/Ubuntu via apt-get; elsewhere it only advises.
set -e
need=""
have_lib() { ldconfig -p 2>/dev/null | grep -q "$1"; }
have_lib "libpango-1.0.so" || need="$need libpango-1.0-0 libpangoft2-1.0-0"
have_lib "libharfbuzz-subset.so" || need="$need libharfbuzz-subset0"
[ -z "$need" ] && exit 0
if command -v apt-get >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1 && SUDO="sudo"
  echo "installing system libraries:$need" >&2
  $SUDO apt-get update -qq >/dev/null 2>&1 || true
  # shellcheck disable=SC2086
  $SUDO apt-get install -y -qq $need >/dev/null || echo "briefgen: could not install$need; run briefgen doctor" >&2
else
  echo "briefgen: please install with your package manager:$need (Pango >= 1.44, HarfBuzz subset)" >&2
fi
