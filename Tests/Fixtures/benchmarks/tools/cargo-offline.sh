# Sourced by benchdiff/generate.sh and benchmarks/generate.sh: the one recipe for building a
# criterion project offline from Debian's crate registry (/usr/share/cargo/registry).
#   cargo_offline_project SOURCE_DIR DEST_DIR   copies SOURCE_DIR to DEST_DIR and points its
#                                               cargo at the Debian registry, offline.
cargo_offline_project() {
  cp -r "$1" "$2"
  mkdir -p "$2/.cargo"
  cat >"$2/.cargo/config.toml" <<'TOML'
[source.crates-io]
replace-with = "debian"
[source.debian]
directory = "/usr/share/cargo/registry"
[net]
offline = true
TOML
}
