#!/usr/bin/env bash
# Fetches still photographs for the scene model's photo episodes from Debian packages into a cache folder, never
# into the repository. `apt-get download` only downloads the .deb (no install, no root needed for the files);
# `dpkg-deb -x` unpacks it; only the images are kept.
#
#   gnome-backgrounds  GNOME wallpapers (photographs and artwork)
#   mate-backgrounds   MATE wallpapers
#   opencv-doc         the sample images of OpenCV's documentation (lena, baboon, fruits, buildings, ...)
#
# Layout: <dir>/<package>/<image>, so training and validation can hold different packages or different images apart.
# Usage: scripts/fetch-training-photos.sh [<dir>]   (default: ~/.cache/scenecut/photos)
#        then: scenecut train ... --photos <dir>   (images with a side under 256 px are skipped there)
set -euo pipefail

dir="${1:-${XDG_CACHE_HOME:-$HOME/.cache}/scenecut/photos}"
packages=(gnome-backgrounds mate-backgrounds opencv-doc)

command -v apt-get >/dev/null || { echo "apt-get is needed (Debian/Ubuntu)." >&2; exit 1; }
command -v dpkg-deb >/dev/null || { echo "dpkg-deb is needed (Debian/Ubuntu)." >&2; exit 1; }
mkdir -p "$dir"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# apt-get download runs as the unprivileged _apt user where it can: let it write here.
chmod 755 "$work"

for package in "${packages[@]}"; do
  if [ -d "$dir/$package" ] && [ -n "$(ls -A "$dir/$package")" ]; then
    echo "$package: already in $dir/$package" >&2
    continue
  fi

  (cd "$work" && apt-get download "$package" >/dev/null) || {
    echo "$package: apt-get download failed (run 'apt-get update' first?)" >&2
    exit 1
  }
  mkdir -p "$work/$package"
  dpkg-deb -x "$work/${package}"_*.deb "$work/$package"
  mkdir -p "$dir/$package"
  # Only raster photographs: JPEG, PNG, WebP; vector artwork (SVG, XML slideshows) is left out.
  find "$work/$package" -type f \( -iname '*.jpg' -o -iname '*.jpeg' -o -iname '*.png' -o -iname '*.webp' \) -size +20k -print0 |
    while IFS= read -r -d '' file; do
      # Flatten the package's folders into unique file names.
      name="$(echo "${file#"$work/$package/"}" | tr '/' '_')"
      cp "$file" "$dir/$package/$name"
    done
  echo "$package: $(ls "$dir/$package" | wc -l) images in $dir/$package" >&2
done
