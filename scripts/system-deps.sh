#!/bin/sh
# Install the system libraries WeasyPrint needs for fast, correct PDFs, where the OS lacks them,
# then check again: exit 0 only when they are there, else say what to run and exit 1, so the
# README's first command (chained with &&) stops here instead of burying the failure under pip.
#   Pango (text layout) is required.
#   HarfBuzz-subset makes font subsetting ~50x faster than the pure-Python fallback (a build takes
#   ~2 s instead of 5-6 s); BRIEFGEN_ALLOW_SLOW_FONTS=1 goes on without it, with a warning.
# Debian/Ubuntu via apt-get; elsewhere it only advises (see `briefgen doctor`).
set -u
PANGO_PKGS="libpango-1.0-0 libpangoft2-1.0-0"
SUBSET_PKGS="libharfbuzz-subset0"
# Another apt or dpkg (unattended upgrades, a package manager window) holds apt's lock for minutes
# at a time on a fresh machine: wait for it rather than fail at once.
APT_WAIT="-o DPkg::Lock::Timeout=120"

have_lib() { ldconfig -p 2>/dev/null | grep -q "$1"; }
missing_pkgs() {
  have_lib "libpango-1.0.so" || printf ' %s' $PANGO_PKGS
  have_lib "libharfbuzz-subset.so" || printf ' %s' $SUBSET_PKGS
}

if ! command -v ldconfig >/dev/null 2>&1; then
  # Not a glibc system (macOS, Alpine...): there is no library cache to ask.
  echo "briefgen: install Pango >= 1.44 and HarfBuzz (with its subset library) with your package" \
       "manager, then run 'briefgen doctor' to check" >&2
  exit 0
fi

need=$(missing_pkgs)
[ -z "$need" ] && exit 0

SUDO=""; AS_ROOT=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else AS_ROOT=" (as root)"; fi
fi
apt_said=""
if command -v apt-get >/dev/null 2>&1; then
  echo "installing system libraries:$need" >&2
  apt_log=$(mktemp)
  # shellcheck disable=SC2086
  $SUDO apt-get $APT_WAIT update -qq >/dev/null 2>&1 || true
  # shellcheck disable=SC2086
  $SUDO apt-get $APT_WAIT install -y -qq $need >"$apt_log" 2>&1 || apt_said=$(grep '^E:' "$apt_log" | tail -n 3)
  [ -n "$apt_said" ] || apt_said=$(tail -n 3 "$apt_log")
  rm -f "$apt_log"
  still=$(missing_pkgs)
  run="${SUDO:+$SUDO }apt-get install -y$still$AS_ROOT"
else
  still=$need
  run="your package manager's Pango (>= 1.44) and HarfBuzz (with its subset library), e.g. dnf install pango harfbuzz"
fi
[ -z "$still" ] && exit 0

case "$still" in
  *libpango*) pango_missing=1 ;;
  *) pango_missing=0 ;;
esac
if [ "$pango_missing" -eq 0 ] && [ "${BRIEFGEN_ALLOW_SLOW_FONTS:-0}" = "1" ]; then
  echo "briefgen: warning: libharfbuzz-subset is missing; going on without it" \
       "(BRIEFGEN_ALLOW_SLOW_FONTS=1): PDFs take 5-6 s instead of ~2 s. Install it later with:" >&2
  echo "  $run" >&2
  exit 0
fi

{
  echo
  echo "briefgen: set-up stopped: system libraries still missing:$still"
  if [ "$pango_missing" -eq 1 ]; then
    echo "  Pango is required: briefgen cannot lay out a PDF without it."
  fi
  case "$still" in
    *harfbuzz-subset*) echo "  HarfBuzz-subset makes PDFs fast: without it a build takes 5-6 s instead of ~2 s." ;;
  esac
  if [ -n "$apt_said" ]; then
    echo "  apt-get said:"
    printf '%s\n' "$apt_said" | sed 's/^/    /'
  fi
  echo "Run:"
  echo "  $run"
  echo "then run the set-up command again."
  if [ "$pango_missing" -eq 0 ]; then
    echo "Or go on without HarfBuzz-subset (slower PDFs): BRIEFGEN_ALLOW_SLOW_FONTS=1 sh scripts/system-deps.sh && ..."
  fi
} >&2
exit 1
