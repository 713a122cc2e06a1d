//! Client addresses are personal data: the product stores and logs only their network
//! (IPv4 /24, IPv6 /48), enough to spot abuse, not to single out a person.

use std::net::IpAddr;

/// The network of an address, e.g. `203.0.113.0/24` or `2001:db8:1::/48`.
pub fn truncated_ip(ip: IpAddr) -> String {
    match ip {
        IpAddr::V4(v4) => {
            let [a, b, c, _] = v4.octets();
            format!("{a}.{b}.{c}.0/24")
        }
        IpAddr::V6(v6) => {
            if let Some(v4) = v6.to_ipv4_mapped() {
                return truncated_ip(IpAddr::V4(v4));
            }
            let s = v6.segments();
            format!("{:x}:{:x}:{:x}::/48", s[0], s[1], s[2])
        }
    }
}

#[cfg(test)]
mod tests {
    use super::truncated_ip;

    #[test]
    fn only_the_network_remains() {
        assert_eq!(
            truncated_ip("203.0.113.77".parse().expect("ip")),
            "203.0.113.0/24"
        );
        assert_eq!(
            truncated_ip("2001:db8:1:2:3:4:5:6".parse().expect("ip")),
            "2001:db8:1::/48"
        );
        assert_eq!(
            truncated_ip("::ffff:198.51.100.9".parse().expect("ip")),
            "198.51.100.0/24"
        );
    }
}
