#!/usr/bin/env bash
# Rebuilds src/images/jpeg/jpeg.wasm (libjpeg-turbo + the thumbnail wrapper)
# and src/images/png/png.wasm (our own inflater and PNG row pipeline, no
# outside source), each with its manifest.json, bit for bit: the Debian source
# package, the Debian emscripten package and every flag are pinned below; a
# different toolchain version is refused rather than silently producing a
# different file.
#
#   npm run build:wasm [-- --check]
#
# Needs Debian bookworm and root for apt (installs emscripten, cmake, dpkg-dev
# and adds a deb-src line when none exists). --check rebuilds into a temporary
# files and compares them with the committed ones instead of replacing them.
set -euo pipefail

DEB_SOURCE=libjpeg-turbo
DEB_VERSION=1:2.1.5-2
DEB_FILE_VERSION=2.1.5-2 # file names drop the epoch
UPSTREAM_VERSION=2.1.5
ORIG_SHA256=254f3642b04e309fee775123133c6464181addc150499561020312ec61c1bf7c
EMSCRIPTEN_DEB=3.1.6~dfsg-5
MAX_MEMORY=134217728 # 128 MiB: no single decode may outgrow the isolate

CMAKE_FLAGS=(-DCMAKE_BUILD_TYPE=Release "-DCMAKE_C_FLAGS=-O3 -msimd128" -DWITH_SIMD=0 -DENABLE_SHARED=0 -DWITH_TURBOJPEG=0
  -DWITH_JAVA=0 -DHAVE_SIZE_T=TRUE -DSIZE_T=4 -DHAVE_UNSIGNED_LONG=TRUE -DUNSIGNED_LONG=4 -DBUILD=$DEB_FILE_VERSION)
EMCC_FLAGS=(-O3 -msimd128 -sSTANDALONE_WASM -sSUPPORT_LONGJMP=0 --no-entry -sALLOW_MEMORY_GROWTH=1
  -sMAXIMUM_MEMORY=$MAX_MEMORY -sINITIAL_MEMORY=1048576 -sTOTAL_STACK=131072 -sMEMORY_GROWTH_GEOMETRIC_STEP=0
  -sEXPORTED_FUNCTIONS=_malloc,_free,_thumb,_encode,_last_error_text,_last_error_was_out_of_memory)
# png.wasm: the same limit; it starts small (its own data is a few rows) and grows as a decode needs.
PNG_EMCC_FLAGS=(-O3 -msimd128 -sSTANDALONE_WASM -sSUPPORT_LONGJMP=0 --no-entry -sALLOW_MEMORY_GROWTH=1
  -sMAXIMUM_MEMORY=$MAX_MEMORY -sINITIAL_MEMORY=262144 -sTOTAL_STACK=65536 -sMEMORY_GROWTH_GEOMETRIC_STEP=0
  -sEXPORTED_FUNCTIONS=_png_begin,_png_alloc,_png_input,_png_input_room,_png_feed,_png_output,_png_error,_png_bad_filter)

usage() { sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; }
step() { printf '\n== %s\n' "$*" >&2; }
die() { printf 'build-wasm: %s\n' "$*" >&2; exit 1; }

CHECK=0
for arg in "$@"; do
  case "$arg" in
    -h | --help) usage; exit 0 ;;
    --check) CHECK=1 ;;
    *) usage >&2; die "unknown argument: $arg" ;;
  esac
done

ROOT=$(cd "$(dirname "$0")/.." && pwd)
CODEC="$ROOT/src/images/jpeg"
PNG="$ROOT/src/images/png"
# A fixed work path keeps any path the compiler might embed identical between runs.
WORK=/tmp/cas-edge-jpeg-wasm
export NODE_PATH=/usr/share/nodejs SOURCE_DATE_EPOCH LC_ALL=C TZ=UTC

step "toolchain: emscripten $EMSCRIPTEN_DEB, cmake"
if ! command -v emcc >/dev/null || ! command -v cmake >/dev/null || ! command -v dpkg-source >/dev/null; then
  [ "$(id -u)" = 0 ] || die "emscripten, cmake and dpkg-dev are missing and installing them needs root"
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q emscripten cmake dpkg-dev
fi
have=$(dpkg-query -W -f='${Version}' emscripten)
[ "$have" = "$EMSCRIPTEN_DEB" ] || die "emscripten $have is installed; this build is pinned to $EMSCRIPTEN_DEB"

step "source: Debian $DEB_SOURCE $DEB_VERSION"
rm -rf "$WORK" && mkdir -p "$WORK" && cd "$WORK"
if ! apt-get source --download-only -q "$DEB_SOURCE=$DEB_VERSION" >/dev/null 2>&1; then
  [ "$(id -u)" = 0 ] || die "apt has no deb-src line and adding one needs root"
  # Mirror the binary sources' first entry as a source entry.
  sed -n '/^Types: deb$/,/^$/p' /etc/apt/sources.list.d/debian.sources | sed '/^$/q' | sed 's/^Types: deb$/Types: deb-src/' \
    >/etc/apt/sources.list.d/cas-edge-deb-src.sources
  apt-get update -q
  apt-get source --download-only -q "$DEB_SOURCE=$DEB_VERSION" >/dev/null || die "apt-get source $DEB_SOURCE=$DEB_VERSION failed"
fi
echo "$ORIG_SHA256  ${DEB_SOURCE}_${UPSTREAM_VERSION}.orig.tar.gz" | sha256sum -c --quiet || die "upstream tarball checksum differs"
dpkg-source -x "${DEB_SOURCE}_${DEB_FILE_VERSION}.dsc" src >/dev/null # verifies the .dsc checksums, applies Debian's patches
SOURCE_DATE_EPOCH=$(cd src && dpkg-parsechangelog -STimestamp)

step "libjpeg-turbo: cmake + make (static, no SIMD)"
mkdir build && cd build
emcmake cmake ../src "${CMAKE_FLAGS[@]}" >cmake.log 2>&1 || { tail -30 cmake.log; die "cmake failed"; }
emmake make -j"$(nproc)" jpeg-static >make.log 2>&1 || { tail -30 make.log; die "make failed"; }

step "link: wrapper + libjpeg.a -> jpeg.wasm"
cp "$CODEC"/wrapper.c "$CODEC"/resample.c "$CODEC"/resample.h "$CODEC"/imports.js "$WORK"/
emcc "${EMCC_FLAGS[@]}" -I"$WORK/src" -I"$WORK/build" --js-library "$WORK/imports.js" \
  "$WORK/wrapper.c" "$WORK/resample.c" libjpeg.a -o "$WORK/jpeg.wasm"
SHA=$(sha256sum "$WORK/jpeg.wasm" | cut -d' ' -f1)
SIZE=$(stat -c %s "$WORK/jpeg.wasm")
echo "jpeg.wasm: $SIZE bytes, sha256 $SHA" >&2

step "link: png.c + inflate.c + resample.c -> png.wasm"
mkdir -p "$WORK/png" "$WORK/jpeg"
cp "$PNG"/png.c "$PNG"/inflate.c "$PNG"/inflate.h "$WORK/png/"
cp "$CODEC"/resample.c "$CODEC"/resample.h "$WORK/jpeg/"
(cd "$WORK" && emcc "${PNG_EMCC_FLAGS[@]}" png/png.c png/inflate.c jpeg/resample.c -o "$WORK/png.wasm")
PNG_SHA=$(sha256sum "$WORK/png.wasm" | cut -d' ' -f1)
PNG_SIZE=$(stat -c %s "$WORK/png.wasm")
echo "png.wasm: $PNG_SIZE bytes, sha256 $PNG_SHA" >&2

if [ "$CHECK" = 1 ]; then
  step "check against the committed files"
  cmp -s "$WORK/jpeg.wasm" "$CODEC/jpeg.wasm" || die "rebuilt jpeg.wasm ($SHA) differs from the committed one"
  cmp -s "$WORK/png.wasm" "$PNG/png.wasm" || die "rebuilt png.wasm ($PNG_SHA) differs from the committed one"
  echo "identical" >&2
  exit 0
fi

step "write src/images/{jpeg,png}/*.wasm and their manifest.json"
cp "$WORK/jpeg.wasm" "$CODEC/jpeg.wasm"
EMCC_VERSION=$(emcc --version | head -1) CMAKE_VERSION=$(cmake --version | head -1) \
  CMAKE_FLAGS="$(printf '%s\n' "${CMAKE_FLAGS[@]}")" EMCC_FLAGS="$(printf '%s\n' "${EMCC_FLAGS[@]}")" SHA="$SHA" SIZE="$SIZE" \
  DEB_SOURCE="$DEB_SOURCE" DEB_VERSION="$DEB_VERSION" UPSTREAM_VERSION="$UPSTREAM_VERSION" ORIG_SHA256="$ORIG_SHA256" \
  EMSCRIPTEN_DEB="$EMSCRIPTEN_DEB" node -e '
    const e = process.env;
    const manifest = {
      file: "jpeg.wasm",
      sha256: e.SHA,
      size: Number(e.SIZE),
      source: { debianPackage: e.DEB_SOURCE, debianVersion: e.DEB_VERSION, upstream: `libjpeg-turbo ${e.UPSTREAM_VERSION}`, origTarballSha256: e.ORIG_SHA256 },
      toolchain: { emscriptenDebian: e.EMSCRIPTEN_DEB, emcc: e.EMCC_VERSION, cmake: e.CMAKE_VERSION },
      cmakeFlags: e.CMAKE_FLAGS.split("\n"),
      emccFlags: e.EMCC_FLAGS.split("\n"),
      build: "npm run build:wasm",
    };
    process.stdout.write(JSON.stringify(manifest, null, 2) + "\n");
  ' >"$CODEC/manifest.json"
cp "$WORK/png.wasm" "$PNG/png.wasm"
EMCC_VERSION=$(emcc --version | head -1) EMCC_FLAGS="$(printf '%s\n' "${PNG_EMCC_FLAGS[@]}")" SHA="$PNG_SHA" SIZE="$PNG_SIZE" \
  EMSCRIPTEN_DEB="$EMSCRIPTEN_DEB" node -e '
    const e = process.env;
    const manifest = {
      file: "png.wasm",
      sha256: e.SHA,
      size: Number(e.SIZE),
      source: ["src/images/png/png.c", "src/images/png/inflate.c", "src/images/png/inflate.h", "src/images/jpeg/resample.c", "src/images/jpeg/resample.h"],
      toolchain: { emscriptenDebian: e.EMSCRIPTEN_DEB, emcc: e.EMCC_VERSION },
      emccFlags: e.EMCC_FLAGS.split("\n"),
      build: "npm run build:wasm",
    };
    process.stdout.write(JSON.stringify(manifest, null, 2) + "\n");
  ' >"$PNG/manifest.json"
echo "done: $CODEC/jpeg.wasm, $PNG/png.wasm" >&2
