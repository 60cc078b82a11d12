//! Running the `sceau` binary from the integration tests.

#![allow(dead_code)] // each test file uses a part of it

use serde_json::Value;

/// Runs `sceau` with `args`: (exit code, stdout, stderr).
pub fn run(args: &[&str]) -> (i32, String, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_sceau"))
        .args(args)
        .output()
        .expect("run sceau");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Runs `sceau`, asserts it succeeded and returns its JSON output.
pub fn json(args: &[&str]) -> Value {
    let (code, out, err) = run(args);
    assert_eq!(code, 0, "{args:?}: {err}");
    serde_json::from_str(&out).expect("JSON on stdout")
}

/// Runs `scripts/doh-server.sh <verb>` (starting the loopback DoH servers if need be)
/// and returns the last line it printed (a URL).
pub fn doh_server(verb: &str) -> String {
    let script = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/doh-server.sh");
    let out = std::process::Command::new("bash")
        .arg(&script)
        .arg(verb)
        .output()
        .expect("run scripts/doh-server.sh");
    assert!(
        out.status.success(),
        "scripts/doh-server.sh {verb} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .last()
        .unwrap_or_default()
        .trim()
        .to_string()
}
