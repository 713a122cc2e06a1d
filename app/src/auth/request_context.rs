//! Per-deployment and per-request values the server hands to server functions.

/// A 32-byte secret of the deployment (`DERMA_SERVER_SECRET`), for values that must be stable
/// across servers but unguessable, such as the decoy sign-in parameters of unknown addresses.
#[derive(Clone)]
pub struct ServerSecret(pub [u8; 32]);

impl std::fmt::Debug for ServerSecret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ServerSecret(***)")
    }
}

/// The client's network (IPv4 /24, IPv6 /48), never the full address; `None` when unknown.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ClientNetwork(pub Option<String>);

/// The client network of this request, as the server's middleware found it.
pub fn client_network() -> Option<String> {
    leptos::prelude::use_context::<http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<ClientNetwork>().cloned())
        .and_then(|network| network.0)
}
