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
