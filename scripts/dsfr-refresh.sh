#!/bin/sh
# The State design system (DSFR) files Nuage serves, from the npm package @gouvfr/dsfr, pinned.
#
#   scripts/dsfr-refresh.sh           fetch the pinned version, check the package's integrity,
#                                     copy the files served and write their SHA-256 (SHA256SUMS)
#   scripts/dsfr-refresh.sh --check   check the committed files against SHA256SUMS (no network)
#   scripts/dsfr-refresh.sh --fonts   write the certificate's TrueType Marianne again from the
#                                     committed WOFF files, and their SHA-256 (no network)
#
# Only what is served is committed under src/main/resources/static/dsfr/: the stylesheet, the
# JavaScript module, the fonts and icons the stylesheet names, the favicon, and the licence. A fresh
# machine needs none of this: the files are in the repository. To move to another version, change
# VERSION and INTEGRITY (npm view @gouvfr/dsfr@<version> dist.integrity), run this script, read the
# package's changelog, and commit the result.
#
# The self-assessment's PDF certificate embeds Marianne, and the PDF renderer (openhtmltopdf) reads
# TrueType only, which DSFR does not ship: the WOFF files of the weights the certificate uses are
# unwrapped to TrueType under src/main/resources/certificate/fonts/ with Debian's python3-fonttools
# (the outlines and every table as they are; the font's timestamp kept, so that the same WOFF gives
# the same bytes), listed with their SHA-256 in that folder's SHA256SUMS, and committed.
set -eu
cd "$(dirname "$0")/.."

VERSION=1.15.3
INTEGRITY=sha512-R9AALZc1LfZjtytWZMOaUIOHWTkllBZ/sZlsL8TpKZVgF3qUKXt/uNYh+L1D1Fh4p92ZqWxbtNcebsigBZe5pQ==
TARGET=src/main/resources/static/dsfr
FONTS=src/main/resources/certificate/fonts
# The Marianne weights the certificate's print template names (templates/certificate/certificate.html).
WEIGHTS="Regular Bold Regular_Italic"

truetype() {
  # Debian's interpreter first: python3-fonttools installs there, whatever python3 a PATH names.
  python=${PYTHON:-}
  if [ -z "$python" ]; then
    for candidate in /usr/bin/python3 python3; do
      if "$candidate" -c 'import fontTools' 2>/dev/null; then python=$candidate; break; fi
    done
  fi
  if [ -z "$python" ]; then
    echo "the TrueType fonts need fontTools: apt-get install python3-fonttools (or set PYTHON)" >&2
    exit 1
  fi
  rm -rf "$FONTS"
  mkdir -p "$FONTS"
  for weight in $WEIGHTS; do
    "$python" - "$TARGET/fonts/Marianne-$weight.woff" "$FONTS/Marianne-$weight.ttf" <<'PY'
import sys
from fontTools.ttLib import TTFont
font = TTFont(sys.argv[1], recalcTimestamp=False)
font.flavor = None
font.save(sys.argv[2], reorderTables=True)
PY
  done
  (cd "$FONTS" && find . -type f ! -name SHA256SUMS | sed 's|^\./||' | LC_ALL=C sort | xargs sha256sum > SHA256SUMS)
  echo "ok: $(wc -l < "$FONTS/SHA256SUMS") TrueType fonts in $FONTS"
}

if [ "${1:-}" = "--check" ]; then
  (cd "$TARGET" && sha256sum --quiet -c SHA256SUMS) && echo "ok: DSFR $VERSION, $(wc -l < "$TARGET/SHA256SUMS") files"
  (cd "$FONTS" && sha256sum --quiet -c SHA256SUMS) && echo "ok: $(wc -l < "$FONTS/SHA256SUMS") TrueType fonts"
  exit
fi

if [ "${1:-}" = "--fonts" ]; then
  truetype
  exit
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
curl -sSfL -o "$work/dsfr.tgz" "https://registry.npmjs.org/@gouvfr/dsfr/-/dsfr-$VERSION.tgz"
actual="sha512-$(openssl dgst -sha512 -binary "$work/dsfr.tgz" | base64 -w0)"
if [ "$actual" != "$INTEGRITY" ]; then
  echo "the package @gouvfr/dsfr@$VERSION is not the one pinned: integrity $actual, expected $INTEGRITY" >&2
  exit 1
fi
tar xzf "$work/dsfr.tgz" -C "$work"
dist="$work/package/dist"

rm -rf "$TARGET"
mkdir -p "$TARGET"
cp "$dist/dsfr.min.css" "$dist/dsfr.module.min.js" "$TARGET/"
cp "$work/package/LICENSE.md" "$TARGET/LICENSE.md"
mkdir -p "$TARGET/favicon"
cp "$dist/favicon/favicon.svg" "$dist/favicon/favicon.ico" "$dist/favicon/apple-touch-icon.png" "$TARGET/favicon/"
# Every file the stylesheet names by a relative url(): its fonts and icons.
grep -o 'url([^)]*)' "$dist/dsfr.min.css" | sed 's/^url(//; s/)$//' | tr -d "\"'" | grep -v '^data:' | sort -u |
  while read -r file; do
    mkdir -p "$TARGET/$(dirname "$file")"
    cp "$dist/$file" "$TARGET/$file"
  done
echo "$VERSION" > "$TARGET/VERSION"
(cd "$TARGET" && find . -type f ! -name SHA256SUMS | sed 's|^\./||' | LC_ALL=C sort | xargs sha256sum > SHA256SUMS)
echo "ok: DSFR $VERSION, $(wc -l < "$TARGET/SHA256SUMS") files in $TARGET"
truetype
