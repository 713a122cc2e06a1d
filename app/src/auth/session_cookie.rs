//! The session cookie's name and flags, shared by the server's session middleware and the
//! sign-in and sign-out server functions.

/// How the session cookie is named and flagged on this deployment; provided by the server.
#[derive(Debug, Clone)]
pub struct SessionCookie {
    pub name: &'static str,
    pub secure: bool,
}

impl SessionCookie {
    /// `__Host-` over https (bound to our host, path `/`, Secure), a plain name on http://localhost.
    pub fn for_deployment(https: bool) -> Self {
        Self {
            name: if https {
                "__Host-dc_session"
            } else {
                "dc_session"
            },
            secure: https,
        }
    }

    /// The `Set-Cookie` value for a new session token.
    pub fn set(&self, token: &str) -> String {
        format!(
            "{}={token}; Path=/; HttpOnly; SameSite=Strict{}",
            self.name,
            if self.secure { "; Secure" } else { "" }
        )
    }

    /// The `Set-Cookie` value that removes the cookie.
    pub fn clear(&self) -> String {
        format!(
            "{}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0{}",
            self.name,
            if self.secure { "; Secure" } else { "" }
        )
    }

    /// The token in a `Cookie` request header, if present.
    pub fn find<'a>(&self, cookie_header: &'a str) -> Option<&'a str> {
        cookie_header.split(';').find_map(|pair| {
            let (name, value) = pair.trim().split_once('=')?;
            (name == self.name).then_some(value)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::SessionCookie;

    #[test]
    fn https_cookies_are_host_bound_and_secure() {
        let cookie = SessionCookie::for_deployment(true);
        assert_eq!(
            cookie.set("t"),
            "__Host-dc_session=t; Path=/; HttpOnly; SameSite=Strict; Secure"
        );
        assert!(cookie.clear().contains("Max-Age=0"));
        let local = SessionCookie::for_deployment(false);
        assert_eq!(
            local.set("t"),
            "dc_session=t; Path=/; HttpOnly; SameSite=Strict"
        );
    }

    #[test]
    fn the_token_is_found_among_other_cookies() {
        let cookie = SessionCookie::for_deployment(false);
        assert_eq!(cookie.find("lang=de; dc_session=abc; x=y"), Some("abc"));
        assert_eq!(cookie.find("lang=de; xdc_session=abc"), None);
        assert_eq!(cookie.find(""), None);
    }
}
