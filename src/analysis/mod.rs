//! Orchestration: a message, a report batch or a domain → results and findings.
