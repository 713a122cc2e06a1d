//! Which peers may tell us the client's address: our own reverse proxies, listed by address
//! range in `DERMA_TRUSTED_PROXY` (e.g. `10.0.0.0/8,127.0.0.1/32`). Anyone else's
//! `X-Forwarded-For` is ignored, because anyone can send that header.

use std::fmt;
use std::net::IpAddr;

/// One address range in CIDR notation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cidr {
    network: IpAddr,
    prefix: u8,
}

impl Cidr {
    pub fn parse(text: &str) -> Option<Self> {
        let (address, prefix) = match text.trim().split_once('/') {
            Some((address, prefix)) => (address, Some(prefix)),
            None => (text.trim(), None),
        };
        let network: IpAddr = address.parse().ok()?;
        let max = if network.is_ipv4() { 32 } else { 128 };
        let prefix = match prefix {
            Some(p) => p.parse::<u8>().ok().filter(|p| *p <= max)?,
            None => max,
        };
        Some(Self { network, prefix })
    }

    pub fn contains(&self, ip: IpAddr) -> bool {
        let ip = match ip {
            IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(ip, IpAddr::V4),
            IpAddr::V4(_) => ip,
        };
        match (self.network, ip) {
            (IpAddr::V4(net), IpAddr::V4(ip)) => {
                prefix_matches(&net.octets(), &ip.octets(), self.prefix)
            }
            (IpAddr::V6(net), IpAddr::V6(ip)) => {
                prefix_matches(&net.octets(), &ip.octets(), self.prefix)
            }
            _ => false,
        }
    }
}

fn prefix_matches(network: &[u8], ip: &[u8], prefix: u8) -> bool {
    let full = usize::from(prefix / 8);
    let rest = prefix % 8;
    if network[..full] != ip[..full] {
        return false;
    }
    rest == 0 || {
        let mask = 0xffu8 << (8 - rest);
        network[full] & mask == ip[full] & mask
    }
}

impl fmt::Display for Cidr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.network, self.prefix)
    }
}

/// Our proxies; empty means none (the peer address is the client).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TrustedProxies(Vec<Cidr>);

impl TrustedProxies {
    /// Parses a comma-separated list; `None` if any entry is not an address range.
    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim();
        if text.is_empty() || text == "false" {
            return Some(Self::default());
        }
        text.split(',')
            .map(Cidr::parse)
            .collect::<Option<Vec<_>>>()
            .map(Self)
    }

    pub fn trusts(&self, ip: IpAddr) -> bool {
        self.0.iter().any(|range| range.contains(ip))
    }

    /// The client address: the peer, unless the peer is one of our proxies; then the
    /// right-most `X-Forwarded-For` entry that is not itself one of our proxies (entries further
    /// left are whatever the client claimed).
    pub fn client<'a>(&self, peer: IpAddr, forwarded_for: impl Iterator<Item = &'a str>) -> IpAddr {
        if !self.trusts(peer) {
            return peer;
        }
        let hops: Vec<&str> = forwarded_for.flat_map(|v| v.split(',')).collect();
        for hop in hops.iter().rev() {
            match hop.trim().parse::<IpAddr>() {
                Ok(ip) if self.trusts(ip) => {}
                Ok(ip) => return ip,
                // An entry we cannot read: stop trusting the chain here.
                Err(_) => return peer,
            }
        }
        peer
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(text: &str) -> IpAddr {
        text.parse().expect("ip")
    }

    #[test]
    fn ranges_match_by_prefix() {
        let range = Cidr::parse("10.1.0.0/16").expect("cidr");
        assert!(range.contains(ip("10.1.200.3")));
        assert!(!range.contains(ip("10.2.0.1")));
        assert!(Cidr::parse("10.0.0.0/12")
            .expect("cidr")
            .contains(ip("10.15.255.255")));
        assert!(!Cidr::parse("10.0.0.0/12")
            .expect("cidr")
            .contains(ip("10.16.0.0")));
        assert!(Cidr::parse("127.0.0.1")
            .expect("single")
            .contains(ip("::ffff:127.0.0.1")));
        assert!(Cidr::parse("fd00::/8").expect("v6").contains(ip("fd12::1")));
        assert!(!Cidr::parse("fd00::/8")
            .expect("v6")
            .contains(ip("10.0.0.1")));
        for bad in ["10.0.0.0/33", "nonsense", "10.0.0/8", "::/129", "true"] {
            assert_eq!(Cidr::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn only_our_proxies_may_name_the_client() {
        let ours = TrustedProxies::parse("10.0.0.0/8, 127.0.0.1").expect("list");
        // A client talking to us directly cannot claim another address.
        assert_eq!(
            ours.client(ip("203.0.113.9"), ["198.51.100.1"].into_iter()),
            ip("203.0.113.9")
        );
        // Through our proxy: the entry our proxy appended, not what the client claimed.
        assert_eq!(
            ours.client(ip("10.0.0.2"), ["198.51.100.1, 203.0.113.9"].into_iter()),
            ip("203.0.113.9")
        );
        // Two of our proxies in a row are skipped.
        assert_eq!(
            ours.client(ip("10.0.0.2"), ["203.0.113.9", "10.0.0.7"].into_iter()),
            ip("203.0.113.9")
        );
        assert_eq!(
            ours.client(ip("10.0.0.2"), ["garbage"].into_iter()),
            ip("10.0.0.2")
        );
        assert_eq!(TrustedProxies::parse(""), Some(TrustedProxies::default()));
        assert_eq!(TrustedProxies::parse("true"), None, "no blanket trust");
    }
}
