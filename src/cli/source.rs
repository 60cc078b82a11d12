//! The DNS source the CLI was told to use.

use std::future::Future;

use super::args::{Args, CliError};
use crate::dns::doh::native::NativeTransport;
use crate::dns::doh::{CLOUDFLARE, DohClient};
use crate::dns::zone::ZoneSource;
use crate::dns::{DnsLookup, DnsResult, RecordType};

/// A zone file (`--dns-zone`) or a DoH resolver (`--doh`, Cloudflare by default).
pub enum CliDns {
    /// Answers from a master file.
    Zone {
        /// The records.
        zone: ZoneSource,
        /// Path, for display.
        path: String,
    },
    /// Answers from a DoH resolver.
    Doh(DohClient<NativeTransport>),
}

impl CliDns {
    /// Builds the source from the arguments.
    pub fn from_args(args: &Args) -> Result<CliDns, CliError> {
        if let Some(path) = &args.dns_zone {
            let text = Args::read_input(path)?;
            let zone =
                ZoneSource::from_master_file(&String::from_utf8_lossy(&text)).map_err(|e| {
                    CliError::Zone {
                        path: path.clone(),
                        error: e,
                    }
                })?;
            return Ok(CliDns::Zone {
                zone,
                path: path.clone(),
            });
        }
        let url = args.doh.as_deref().unwrap_or(CLOUDFLARE);
        if !(url.starts_with("https://") || url.starts_with("http://")) {
            return Err(CliError::BadValue {
                option: "--doh".into(),
                value: url.to_string(),
            });
        }
        Ok(CliDns::Doh(DohClient::new(NativeTransport::default(), url)))
    }

    /// What to show as the resolver: the DoH URL or `zone:<path>`.
    pub fn describe(&self) -> String {
        match self {
            CliDns::Zone { path, .. } => format!("zone:{path}"),
            CliDns::Doh(c) => c.url().to_string(),
        }
    }
}

impl DnsLookup for CliDns {
    fn lookup(&self, name: &str, rtype: RecordType) -> impl Future<Output = DnsResult> {
        let name = name.to_string();
        async move {
            match self {
                CliDns::Zone { zone, .. } => zone.resolve(&name, rtype),
                CliDns::Doh(c) => c.lookup(&name, rtype).await,
            }
        }
    }
}
