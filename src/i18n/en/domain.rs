//! English text of the `domain` area.

use crate::domain::finding::Finding;
use crate::i18n::En;

impl En for Finding {
    fn en(&self) -> String {
        match self {
            Finding::NoMx { domain } => format!("{domain} has no MX record: senders will try its A or AAAA address. Publish MX records, or a null MX (“0 .”) if it receives no mail."),
            Finding::NullMxMixed { domain } => format!("{domain} publishes a null MX beside other MX records; RFC 7505 says a null MX must be alone. Remove one or the other."),
            Finding::MxIsIp { host } => format!("The MX host “{host}” is an IP address; an MX must name a host that has A or AAAA records."),
            Finding::NoMtaSts { domain } => format!("No MTA-STS record at _mta-sts.{domain}: senders cannot require TLS when delivering to you."),
            Finding::MtaStsBadId { record } => format!("The MTA-STS record “{record}” has no valid id (1 to 32 letters and digits); senders will ignore it."),
            Finding::MtaStsPolicyNotFetched { domain } => format!("The MTA-STS policy at https://mta-sts.{domain}/.well-known/mta-sts.txt was not read: a web page may not fetch another site’s file. Open that address yourself to check it."),
            Finding::NoTlsRpt { domain } => format!("No TLS-RPT record at _smtp._tls.{domain}: you will not receive reports of TLS failures when others deliver to you."),
            Finding::TlsRptBadRua { rua } => format!("The TLS-RPT rua “{rua}” is not a list of mailto: or https: addresses."),
            Finding::NoBimi { domain } => format!("No BIMI record at default._bimi.{domain} (optional: it lets some mailboxes show your logo)."),
            Finding::BimiBadLogo { location } => format!("The BIMI logo “{location}” must be an SVG file served over HTTPS."),
            Finding::BimiNoCertificate => "The BIMI record has no certificate (a=): most large mailbox providers show a logo only with a VMC or CMC certificate.".into(),
            Finding::BimiNeedsEnforcement => "BIMI logos are shown only when DMARC is enforced (p=quarantine or p=reject).".into(),
            Finding::SeveralRecords { kind, count } => format!("{count} {kind} records are published where only one is allowed; receivers may ignore all of them."),
        }
    }
}
