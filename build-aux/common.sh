# shellcheck shell=bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Shared set-up for build-aux/run and build-aux/test: sourced, not executed.
# Defines the one list of Debian (bookworm) packages the project needs, a
# function that installs the missing ones, and one that configures a meson
# build folder.

# Everything needed to build, test and run Equity Planner on Debian bookworm.
EP_PACKAGES=(
  meson
  ninja-build
  pkg-config
  gcc
  libglib2.0-dev
  libgtk-4-dev
  libcairo2-dev
  libpango1.0-dev
  libxml2-dev
  libxml2-utils
  libcsv-dev
  gettext
  xvfb
  xauth
  appstream
  desktop-file-utils
  fonts-noto-core
  fonts-noto-cjk
  clang
  locales
  poppler-utils
)

# Locales the tests switch to (number formats, right-to-left text, and one
# for each translation in po/LINGUAS: tests/check-po.py runs eqplan in them).
EP_TEST_LOCALES=(de_DE.UTF-8 fr_FR.UTF-8 es_ES.UTF-8 ar_EG.UTF-8
                 zh_CN.UTF-8 vi_VN.UTF-8 pt_BR.UTF-8 so_SO.UTF-8 ht_HT.UTF-8)

# The root of the source tree (the folder above build-aux/).
# shellcheck disable=SC2034  # used by the scripts that source this file
EP_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

ep_log () {
  printf '%s: %s\n' "${0##*/}" "$*" >&2
}

# Print the packages of EP_PACKAGES that are not installed, one a line.
ep_missing_packages () {
  local pkg status
  for pkg in "${EP_PACKAGES[@]}"; do
    # shellcheck disable=SC2016  # ${db:Status-Status} is a dpkg-query field
    status="$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)"
    if [ "$status" != installed ]; then
      printf '%s\n' "$pkg"
    fi
  done
}

# Install the missing packages with apt-get (as root). Returns 1 with a
# message if some are missing and we are not root, or if apt-get fails.
ep_ensure_packages () {
  if ! command -v dpkg-query >/dev/null 2>&1; then
    ep_log "dpkg-query not found: not a Debian system, not checking packages."
    ep_log "Make sure the equivalents of these are installed: ${EP_PACKAGES[*]}"
    return 0
  fi

  local missing=()
  mapfile -t missing < <(ep_missing_packages)
  if [ "${#missing[@]}" -eq 0 ]; then
    return 0
  fi

  if [ "$(id -u)" -ne 0 ]; then
    ep_log "these packages are missing: ${missing[*]}"
    ep_log "install them as root, then run this script again:"
    ep_log "  sudo apt-get update && sudo apt-get install ${missing[*]}"
    return 1
  fi

  ep_log "installing missing packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  if ! apt-get update; then
    ep_log "apt-get update failed"
    return 1
  fi
  if ! apt-get install -y "${missing[@]}"; then
    ep_log "apt-get install failed for: ${missing[*]}"
    return 1
  fi
}

# ep_setup_build BUILDDIR [MESON OPTIONS...]
# Configure BUILDDIR: a fresh "meson setup", or "--reconfigure" when it is
# already a meson build folder, and "--wipe" only if reconfiguring fails.
ep_setup_build () {
  local builddir="$1"
  shift

  if [ -f "$builddir/meson-private/coredata.dat" ]; then
    if meson setup --reconfigure "$builddir" "$@"; then
      return 0
    fi
    ep_log "reconfiguring $builddir failed; wiping it and configuring again"
    meson setup --wipe "$builddir" "$@"
  else
    meson setup "$builddir" "$@"
  fi
}

# Generate the locales of EP_TEST_LOCALES that are missing (as root, with
# Debian's locale-gen). Returns 1 with a message if that is not possible.
ep_ensure_locales () {
  local loc missing=() have
  have="$(locale -a 2>/dev/null | tr '[:upper:]' '[:lower:]' | sed 's/utf-8/utf8/')"
  for loc in "${EP_TEST_LOCALES[@]}"; do
    if ! grep -qx "$(printf '%s' "$loc" | tr '[:upper:]' '[:lower:]' | sed 's/utf-8/utf8/')" <<<"$have"; then
      missing+=("$loc")
    fi
  done
  if [ "${#missing[@]}" -eq 0 ]; then
    return 0
  fi
  if [ "$(id -u)" -ne 0 ] || ! command -v locale-gen >/dev/null 2>&1; then
    ep_log "these locales are missing and the tests need them: ${missing[*]}"
    ep_log "generate them as root (Debian: add them to /etc/locale.gen, run locale-gen)"
    return 1
  fi
  ep_log "generating locales: ${missing[*]}"
  for loc in "${missing[@]}"; do
    if grep -q "^# *$loc UTF-8" /etc/locale.gen 2>/dev/null; then
      sed -i "s/^# *\($loc UTF-8\)/\1/" /etc/locale.gen
    elif ! grep -q "^$loc UTF-8" /etc/locale.gen 2>/dev/null; then
      printf '%s UTF-8\n' "$loc" >> /etc/locale.gen
    fi
  done
  locale-gen >/dev/null
}
