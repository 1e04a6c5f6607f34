#!/usr/bin/env bash
# Runs the GPU bench on a bare Linux x86-64 GPU machine that has no Node and no network, from the
# payload that pack.sh puts in scripts/gpu-bench/node_modules/.carry (see README.md).
#   OUT=/some/dir bash scripts/gpu-bench/device.sh [--unpack-loaders] [-- extra run.mjs args]
# --unpack-loaders: unpack the carried libvulkan1 / glvnd .debs into / when no libvulkan.so.1 is
# installed (for a throwaway machine only). Tries a few Vulkan/GL driver settings with probe.mjs,
# takes the first that gives an adapter matching $ACCEPT (default: nvidia), runs the bench with it
# on webgpu and cpu, and writes $OUT/gpu-results.json, log.txt, stderr.txt, probe.txt, machine.txt.
set -u
cd "$(dirname "$0")/../.."
B=scripts/gpu-bench
NM=$B/node_modules
C=$NM/.carry
OUT=${OUT:-/tmp/gpu-bench-out}
ACCEPT=${ACCEPT:-nvidia}
mkdir -p "$OUT"
UNPACK=0
if [ "${1:-}" = --unpack-loaders ]; then UNPACK=1; shift; fi
[ "${1:-}" = -- ] && shift

if [ $UNPACK = 1 ] && ! ldconfig -p | grep -q 'libvulkan.so.1'; then
  for f in "$C"/gl/*.deb; do dpkg -x "$f" /; done
  ldconfig
fi
NODE=$(command -v node || true)
if [ -f "$C/node.xz" ]; then xz -dc "$C/node.xz" > /tmp/gpu-bench-node && chmod +x /tmp/gpu-bench-node && NODE=/tmp/gpu-bench-node; fi
[ -f "$C/webgpu.tar.xz" ] && tar -xJf "$C/webgpu.tar.xz" -C "$NM"
if [ -f "$C/bench.cjs.xz" ]; then mkdir -p "$NM/.bench" && xz -dc "$C/bench.cjs.xz" > "$NM/.bench/bench.cjs"; fi

NV=/usr/local/nvidia
{
  nvidia-smi --query-gpu=name,driver_version,memory.total,clocks.max.sm --format=csv
  nvidia-smi
  for d in /usr/share/vulkan/icd.d /etc/vulkan/icd.d $NV/share/vulkan/icd.d $NV/share/glvnd/egl_vendor.d; do
    echo "== $d"; ls -la "$d" && cat "$d"/*.json
  done
  ldconfig -p | grep -i -E 'vulkan|nvidia|libEGL'
  uname -a; nproc; uptime
} > "$OUT/machine.txt" 2>&1

# Driver settings to try, in order: one line each, "ENV=... ENV=... | dawn-flags".
NVLIB=$NV/lib64:$NV/lib:/usr/lib/x86_64-linux-gnu
VARIANTS=(
  "${LOCAL_VARIANT:-X=1} |"
  "VK_DRIVER_FILES=$NV/share/vulkan/icd.d/nvidia_icd.json VK_ICD_FILENAMES=$NV/share/vulkan/icd.d/nvidia_icd.json LD_LIBRARY_PATH=$NVLIB |"
  "VK_DRIVER_FILES=/usr/share/vulkan/icd.d/nvidia_icd.json VK_ICD_FILENAMES=/usr/share/vulkan/icd.d/nvidia_icd.json LD_LIBRARY_PATH=$NVLIB |"
  "__EGL_VENDOR_LIBRARY_FILENAMES=$NV/share/glvnd/egl_vendor.d/10_nvidia.json LD_LIBRARY_PATH=$NVLIB | backend=opengles"
)
CHOSEN=""
: > "$OUT/probe.txt"
for v in "${VARIANTS[@]}"; do
  envs=${v%%|*}
  flags=$(echo "${v#*|}" | tr -d ' ')
  # shellcheck disable=SC2086
  res=$(env $envs timeout 60 "$NODE" $B/probe.mjs "$flags" 2>>"$OUT/probe.txt" | tail -1)
  echo "[$envs | $flags] $res" >> "$OUT/probe.txt"
  if echo "$res" | grep -q '"ok":true' && echo "$res" | grep -i -q -E "$ACCEPT"; then CHOSEN=$v; break; fi
done
cat "$OUT/probe.txt" | cut -c1-400
BACKENDS=webgpu,cpu
if [ -z "$CHOSEN" ]; then echo "no adapter matching /$ACCEPT/: cpu only"; BACKENDS=cpu; CHOSEN="X=1 |"; fi
envs=${CHOSEN%%|*}
flags=$(echo "${CHOSEN#*|}" | tr -d ' ')
GPU=$(nvidia-smi --query-gpu=name,driver_version --format=csv,noheader 2>/dev/null | head -1)
set -o pipefail
# shellcheck disable=SC2086
env $envs timeout "${BENCH_TIMEOUT:-1800}" "$NODE" $B/run.mjs --backends $BACKENDS --dawn "$flags" --out "$OUT/gpu-results.json" \
  --note "GPU: ${GPU:-unknown}; driver setting: ${envs}${flags:+ dawn $flags}" "$@" 2> "$OUT/stderr.txt" | tee "$OUT/log.txt"
rc=$?
echo "stderr lines: $(wc -l < "$OUT/stderr.txt")"; grep -v -E '^(=+|Hi, looks like.*|)$' "$OUT/stderr.txt" | head -20 | cut -c1-300
exit $rc
