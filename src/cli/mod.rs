//! The native command-line program: argument parsing and output; the analysis is the core's.

/// Runs the CLI with `args` (without the program name) and returns the exit code.
pub fn main(args: Vec<String>) -> i32 {
    let _ = args;
    0
}
