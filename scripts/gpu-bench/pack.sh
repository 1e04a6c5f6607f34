#!/usr/bin/env bash
# Builds the bundle and the payload that device.sh unpacks on a GPU machine with no Node:
# node_modules/.carry/{node.xz, webgpu.tar.xz (linux-x64 only), bench.cjs.xz, gl/*.deb}. Run from anywhere.
set -eu
cd "$(dirname "$0")"
[ -d node_modules/webgpu ] || npm install --ignore-scripts
node build.mjs --commit HEAD   # src/ as committed, not others' half-done edits
C=node_modules/.carry
mkdir -p "$C/gl"
xz -T2 -9 -c node_modules/.bench/bench.cjs > "$C/bench.cjs.xz"
tar -cJf "$C/webgpu.tar.xz" -C node_modules --exclude='webgpu/dist/darwin-*' --exclude='webgpu/dist/win32-*' --exclude='webgpu/dist/linux-arm64' webgpu
[ -f "$C/node.xz" ] || xz -T2 -9 -c "$(command -v node)" > "$C/node.xz"
# Vulkan loader and GL dispatch libraries (Debian amd64), for machines that have the NVIDIA driver but no loader.
ls "$C"/gl/libvulkan1_*.deb > /dev/null 2>&1 || (cd "$C/gl" && apt-get download libvulkan1 libegl1 libglvnd0 libopengl0 libgl1 libglx0 libgles2)
du -sh "$C" "$C"/*
