//! The message catalogue's shape. Adding a message here makes every language fail to compile
//! until it is translated.

macro_rules! messages {
    ($($(#[$doc:meta])* $name:ident),+ $(,)?) => {
        /// Every user-visible string of the app, for one language.
        #[derive(Debug)]
        pub struct Messages {
            $($(#[$doc])* pub $name: &'static str,)+
        }

        impl Messages {
            /// All messages by name, for tests that check the catalogues.
            pub fn entries(&self) -> Vec<(&'static str, &'static str)> {
                vec![$((stringify!($name), self.$name)),+]
            }
        }
    };
}

messages! {
    brand,
    skip_to_content,
    language_label,
    nav_features,
    nav_security,
    nav_sign_in,
    nav_register,
    main_nav_label,

    /// Landing page.
    landing_title,
    hero_eyebrow,
    hero_title,
    hero_lead,
    hero_cta_register,
    hero_cta_security,
    audience_title,
    audience_admin_title,
    audience_admin_text,
    audience_arzt_title,
    audience_arzt_text,
    audience_empfang_title,
    audience_empfang_text,
    audience_patient_title,
    audience_patient_text,
    steps_title,
    step_create_title,
    step_create_text,
    step_fill_title,
    step_fill_text,
    step_review_title,
    step_review_text,
    step_archive_title,
    step_archive_text,
    treatments_title,
    treatments_lead,
    security_title,
    security_lead,
    security_browser_title,
    security_browser_text,
    security_lookup_title,
    security_lookup_text,
    security_recovery_title,
    security_recovery_text,
    security_limit_title,
    security_limit_text,
    footer_cookie_note,
    footer_copyright,

    /// Treatment types.
    type_botox,
    type_filler,
    type_laser,
    type_chemical_peel,
    type_microneedling,
    type_prp,

    /// Staff entry pages.
    sign_in_title,
    sign_in_text,
    register_title,
    register_text,
    staff_title,
    vault_unlocked,
    vault_locked,
    vault_lock,
    vault_unlock_title,
    vault_unlock_text,
    vault_unlock_submit,
    vault_unlock_busy,
    vault_unlock_wrong,
    vault_missing_text,
    setup_title,
    setup_text,
    setup_start,
    setup_code_title,
    setup_code_text,
    setup_print,
    setup_confirm_label,
    setup_confirm_wrong,
    setup_finish,
    setup_busy,
    field_email,
    field_password,
    field_password_repeat,
    field_practice_name,
    password_hint,
    password_too_short,
    password_too_long,
    password_mismatch,
    sign_in_submit,
    sign_in_busy,
    sign_in_wrong,
    sign_in_locked,
    sign_in_no_account,
    register_submit,
    register_busy,
    register_taken,
    register_have_account,
    error_try_again,
    needs_javascript,
    staff_nav_label,
    nav_dashboard,
    nav_sign_out,
    role_admin,
    role_arzt,
    role_empfang,
    dashboard_title,
    dashboard_text,
    signed_in_as,
    staff_sign_in_required,
    staff_go_to_sign_in,
    back_home,

    /// Patient pages.
    patient_title,
    patient_text,
    patient_safety_note,

    /// Kiosk.
    kiosk_title,
    kiosk_text,

    /// Not found.
    not_found_title,
    not_found_text,
}
