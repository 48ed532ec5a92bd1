#!/usr/bin/env bash
# Install the Debian packages a target needs, only those missing.
# Usage: tools/ensure-debs.sh build|test|bench
# As root it runs apt-get; otherwise it stops and names the apt-get line to run.
set -euo pipefail

want=()
need() {  # need PACKAGE TEST-COMMAND...
  local package=$1; shift
  if ! "$@" >/dev/null 2>&1; then want+=("$package"); fi
}
has_lib() { ldconfig -p | grep -F "$1" >/dev/null; }
has_font() { fc-list : family | grep -F "$1" >/dev/null; }

# The build: WeasyPrint's font subsetting, and the fonts the templates name.
need libharfbuzz-subset0 has_lib libharfbuzz-subset.so.0
need fonts-dejavu-core has_font "DejaVu Sans"
need fonts-noto-core has_font "Noto Naskh Arabic"
need fontconfig command -v fc-list
need gettext command -v msgfmt
# The braille-ready file: liblouis's lou_translate and its tables.
need liblouis-bin command -v lou_translate

case "${1:-build}" in
  test|bench)
    need poppler-utils command -v pdftotext
    need chromium command -v chromium
    need libreoffice-writer-nogui command -v soffice
    need default-jre-headless command -v java
    need nodejs command -v node
    need npm command -v npm
    ;;
esac
if [ "${1:-build}" = bench ]; then
  need pandoc command -v pandoc
fi

[ ${#want[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ]; then
  echo "Makefile: error: these Debian packages are missing: ${want[*]}" >&2
  echo "Makefile: ask an administrator to run:" >&2
  echo "  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${want[*]}" >&2
  exit 2
fi
echo "Installing Debian packages: ${want[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${want[@]}" >/dev/null
