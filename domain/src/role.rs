//! Staff roles of a practice (DESIGN §6). There is deliberately no platform-operator role here:
//! no practice-facing code path can name, create or grant one.

crate::wire_enum! {
    /// The role of a staff member inside one practice.
    UserRole as "user_role" {
        Admin = "ADMIN",
        Arzt = "ARZT",
        Empfang = "EMPFANG",
    }
}
