# Sourced by the scripts: binaryen's wasm-opt from npm first on PATH (Debian's is too old).
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export PATH="$root/tests/browser/node_modules/.bin:$HOME/.cargo/bin:$PATH"
