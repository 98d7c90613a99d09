#!/usr/bin/env bash
# Exports assets/procession.svg to the PNG sizes, the Windows .ico and the macOS .icns beside it:
#   assets/make-icons.sh
# Needs Debian's librsvg2-bin (rsvg-convert), imagemagick (convert) and icnsutils (png2icns).
# The exports are committed, so the build needs none of these; rerun after changing the SVG.
set -euo pipefail
cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")"
for tool in rsvg-convert /usr/bin/convert png2icns; do
  command -v "$tool" >/dev/null || { echo "make-icons: $tool is missing (apt-get install librsvg2-bin imagemagick icnsutils)" >&2; exit 1; }
done
mkdir -p png
for size in 16 24 32 48 64 128 256 512; do
  rsvg-convert -w "$size" -h "$size" procession.svg -o "png/procession-$size.png"
done
/usr/bin/convert png/procession-{16,24,32,48,64,256}.png procession.ico
png2icns procession.icns png/procession-{16,32,48,128,256,512}.png >/dev/null
