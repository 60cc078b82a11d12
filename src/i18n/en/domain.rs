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

impl En for crate::domain::steps::NextStep {
    fn en(&self) -> String {
        use crate::domain::steps::NextStep as S;
        match self {
            S::InventorySenders => "List every service that sends mail as this domain (your mail server, newsletter tool, CRM, invoicing, helpdesk…): each one must be covered by SPF or sign with DKIM.".into(),
            S::PublishSpf { name, record } => format!("Publish an SPF record at {name}, listing your senders, starting with ~all while you check: {record}"),
            S::HardenSpf { name, current, record } => format!("Your SPF at {name} ends with a lenient “all” ({current}). Once DMARC reports show every sender passes, end it with -all: {record}"),
            S::EnableDkim => "No DKIM key was found at the usual selectors. Turn on DKIM signing at each sender, with 2048-bit RSA or Ed25519 keys, and publish the keys they give you.".into(),
            S::PublishDmarc { name, record } => format!("Publish DMARC in monitoring mode at {name} to receive reports without affecting delivery: {record}"),
            S::AddRua { name, record } => format!("Your DMARC record at {name} asks for no aggregate reports; without them you cannot see who sends as you. Add rua: {record}"),
            S::MoveToQuarantine { name, record } => format!("When reports show your legitimate senders pass, move DMARC at {name} towards quarantine, a share of mail at a time: {record}"),
            S::MoveToReject { name, record } => format!("Quarantine covers all mail: finish with reject at {name}: {record}"),
            S::LockDown { spf, dmarc } => format!("This domain receives no mail (null MX). If it sends none either, say so: SPF “{spf}” and DMARC “{dmarc}”."),
            S::PublishTlsRpt { name, record } => format!("Ask for reports of TLS failures on mail sent to you, at {name}: {record}"),
        }
    }
}

impl En for crate::domain::builder::Part {
    fn en(&self) -> String {
        use crate::domain::builder::Part as P;
        use crate::spf::record::Qualifier as Q;
        match self {
            P::SpfVersion => "v=spf1 — this TXT record is an SPF policy.".into(),
            P::Mx => "mx — the servers that receive your mail (your MX hosts) may also send it.".into(),
            P::A => "a — the addresses of the domain itself may send.".into(),
            P::Ip { network } => format!("ip:{network} — servers at these addresses may send."),
            P::Include { domain } => format!("include:{domain} — servers that {domain} authorises may send for you (a sending service); costs DNS lookups."),
            P::All { qualifier } => match qualifier {
                Q::Fail => "-all — every other server fails SPF.".into(),
                Q::Softfail => "~all — every other server soft-fails: suspicious but not refused; use it while you check your senders.".into(),
                Q::Neutral => "?all — SPF says nothing about other servers.".into(),
                Q::Pass => "+all — every server on the Internet passes: never publish this.".into(),
            },
            P::DmarcVersion => "v=DMARC1 — this TXT record at _dmarc is a DMARC policy.".into(),
            P::Policy { policy } => format!("p={} — what receivers do with mail that fails DMARC.", policy.as_str()),
            P::SubdomainPolicy { policy } => format!("sp={} — the policy for subdomains.", policy.as_str()),
            P::Pct { pct } => format!("pct={pct} — apply the policy to {pct} % of failing mail (a step towards 100)."),
            P::Rua { address } => format!("rua=mailto:{address} — where receivers send daily aggregate reports."),
            P::Strict { tag } => format!("{tag}=s — strict alignment: the domain must match exactly, not just share the organisational domain."),
        }
    }
}

impl En for crate::domain::builder::BuildError {
    fn en(&self) -> String {
        use crate::domain::builder::BuildError as B;
        match self {
            B::Invalid { entry } => format!("“{entry}” is not a valid address, network or domain."),
            B::TooManyLookups { count } => format!(
                "This record needs {count} DNS lookups; SPF allows 10. Use ip4:/ip6: ranges instead of some includes."
            ),
            B::BadAddress { entry } => format!("“{entry}” is not an e-mail address."),
        }
    }
}
