//! Setting up the vault in an ADMIN's browser: the practice keys are made here, the recovery
//! code is shown once as a printable sheet and confirmed by typing its last group, and only
//! envelopes go to the server.

use crypto::{
    BlindIndexKey, InboxKeyPair, MemberKeyPair, PracticeId, PracticeMasterKey, RecoveryCode, UserId,
};
use leptos::prelude::*;

use crate::auth::{vault_wrap_key, StaffProfile};
use crate::i18n::use_i18n;
use crate::vault::{setup_vault, use_vault, uuid_bytes, OpenKeys, UnlockKeys};

/// Keys made for the set-up, held until the server has stored their envelopes.
struct Draft {
    master: PracticeMasterKey,
    inbox: InboxKeyPair,
    blind_index: BlindIndexKey,
    member: MemberKeyPair,
    recovery: RecoveryCode,
    practice: PracticeId,
    user: UserId,
}

impl Draft {
    /// Fresh practice keys and the printable recovery code.
    fn make(practice: PracticeId, user: UserId) -> (Self, String) {
        let recovery = RecoveryCode::generate();
        let code = recovery.to_printable().to_string();
        let draft = Self {
            master: PracticeMasterKey::generate(practice, 1),
            inbox: InboxKeyPair::generate(1),
            blind_index: BlindIndexKey::generate(practice, 1),
            member: MemberKeyPair::generate(1),
            recovery,
            practice,
            user,
        };
        (draft, code)
    }

    /// Sends the envelopes to the server; on success the keys become the open vault, on
    /// failure the draft comes back so the set-up can be retried with the same code.
    async fn store(self, keys: &UnlockKeys) -> Result<OpenKeys, Self> {
        let key = &keys.wrap_key;
        let stored = setup_vault(
            self.inbox.public_key().to_text(),
            self.master.wrap_inbox_key(&self.inbox).to_text(),
            self.master
                .wrap_blind_index_key(&self.blind_index)
                .to_text(),
            self.master.wrap_with_password(key, self.user).to_text(),
            self.master
                .wrap_with_recovery_code(&self.recovery)
                .to_text(),
            self.member.public_key().to_text(),
            self.member
                .wrap_with_password(key, self.practice, self.user)
                .to_text(),
            keys.login_key.to_string(),
        )
        .await;
        if stored.is_err() {
            return Err(self);
        }
        Ok(OpenKeys {
            master: self.master,
            inbox: self.inbox,
            blind_index: self.blind_index,
            older_masters: Vec::new(),
            older_inboxes: Vec::new(),
        })
    }
}

#[component]
pub fn VaultSetup(profile: StaffProfile) -> impl IntoView {
    let i18n = use_i18n();
    let vault = use_vault();
    let draft = StoredValue::new(None::<Draft>);
    let printable = RwSignal::new(None::<String>);
    let confirmation = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<&'static str>);
    // The key from sign-in; after a reload the password is asked for again.
    let wrap_key = StoredValue::new(vault.take_keys());
    let needs_password = wrap_key.with_value(Option::is_none);
    let ids = uuid_bytes(&profile.practice_id).zip(uuid_bytes(&profile.user_id));
    let email = profile.email.clone();

    let start = Action::new(move |password: &String| {
        let (email, password) = (email.clone(), password.clone());
        async move {
            let (practice, user) = ids
                .map(|(p, u)| (PracticeId::from_bytes(p), UserId::from_bytes(u)))
                .ok_or(())?;
            if wrap_key.with_value(Option::is_none) {
                let key = vault_wrap_key(email, password).await.map_err(|_| ())?;
                wrap_key.set_value(Some(key));
            }
            let (made, code) = Draft::make(practice, user);
            printable.set(Some(code));
            draft.set_value(Some(made));
            Ok::<(), ()>(())
        }
    });

    let finish = finish_action(vault, draft, wrap_key, printable, needs_password);

    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let typed = confirmation.get_untracked();
        if printable
            .get_untracked()
            .is_some_and(|code| confirms(&code, &typed))
        {
            problem.set(None);
            finish.dispatch(());
        } else {
            problem.set(Some(i18n.t().setup_confirm_wrong));
        }
    };

    view! {
        <section class="card vault-card">
            <h2>{i18n.text(|m| m.setup_title)}</h2>
            <p>{i18n.text(|m| m.setup_text)}</p>
            {move || match printable.get() {
                None => view! {
                    <form class="form" on:submit=move |event| {
                        event.prevent_default();
                        start.dispatch(password.get_untracked());
                        password.set(String::new());
                    }>
                        <Show when=move || needs_password>
                            <label class="field">
                                <span>{i18n.text(|m| m.field_password)}</span>
                                <input type="password" autocomplete="current-password" required bind:value=password/>
                            </label>
                        </Show>
                        <p class="form-error" role="alert">
                            {move || {
                                let failed = matches!(start.value().get(), Some(Err(())))
                                    || matches!(finish.value().get(), Some(Err(())));
                                failed.then(|| i18n.t().vault_unlock_wrong)
                            }}
                        </p>
                        <button class="button" type="submit" disabled=start.pending()>{i18n.text(|m| m.setup_start)}</button>
                    </form>
                }.into_any(),
                Some(code) => view! {
                    <RecoverySheet code/>
                    <form class="form" on:submit=submit>
                        <label class="field">
                            <span>{i18n.text(|m| m.setup_confirm_label)}</span>
                            <input type="text" autocomplete="off" spellcheck="false" required bind:value=confirmation/>
                        </label>
                        <p class="form-error" role="alert">
                            {move || problem.get().or_else(|| matches!(finish.value().get(), Some(Err(()))).then(|| i18n.t().error_try_again))}
                        </p>
                        <button class="button" type="submit" disabled=finish.pending()>
                            {move || if finish.pending().get() { i18n.t().setup_busy } else { i18n.t().setup_finish }}
                        </button>
                    </form>
                }.into_any(),
            }}
        </section>
    }
}

/// Stores the envelopes; on failure everything stays in place for another try.
fn finish_action(
    vault: crate::vault::Vault,
    draft: StoredValue<Option<Draft>>,
    wrap_key: StoredValue<Option<UnlockKeys>>,
    printable: RwSignal<Option<String>>,
    typed_password: bool,
) -> Action<(), Result<(), ()>> {
    Action::new(move |(): &()| async move {
        let Some(keys) = wrap_key.try_update_value(Option::take).flatten() else {
            return Err(());
        };
        let Some(d) = draft.try_update_value(Option::take).flatten() else {
            return Err(());
        };
        match d.store(&keys).await {
            Ok(open) => {
                vault.install(open);
                printable.set(None);
                Ok(())
            }
            // A typed password the server refused must be typed again: start over (the code
            // was never stored, so a new one is made). Keys from sign-in were right: retry.
            Err(_) if typed_password => {
                printable.set(None);
                Err(())
            }
            Err(d) => {
                draft.set_value(Some(d));
                wrap_key.set_value(Some(keys));
                Err(())
            }
        }
    })
}

/// The recovery code as a sheet to print or copy by hand, shown once.
#[component]
fn RecoverySheet(code: String) -> impl IntoView {
    let i18n = use_i18n();
    let print = move |_| {
        #[cfg(feature = "hydrate")]
        if let Some(window) = web_sys::window() {
            // Printing is a convenience; copying by hand works as well.
            let _ = window.print();
        }
    };
    view! {
        <div class="recovery-sheet">
            <h3>{i18n.text(|m| m.setup_code_title)}</h3>
            <p>{i18n.text(|m| m.setup_code_text)}</p>
            <p class="recovery-code" data-testid="recovery-code">{code}</p>
            <button class="button button--secondary" type="button" on:click=print>{i18n.text(|m| m.setup_print)}</button>
        </div>
    }
}

/// Whether `typed` is the last group of the printed recovery code (case and spaces ignored).
fn confirms(code: &str, typed: &str) -> bool {
    code.rsplit('-')
        .next()
        .is_some_and(|group| group.eq_ignore_ascii_case(typed.trim()))
}

#[cfg(test)]
mod tests {
    use super::confirms;

    #[test]
    fn only_the_last_group_confirms_the_code() {
        let code = "AB12C-DE34F-GH56J";
        assert!(confirms(code, "gh56j"));
        assert!(confirms(code, "  GH56J "));
        assert!(!confirms(code, "AB12C"));
        assert!(!confirms(code, ""));
        assert!(!confirms(code, "GH56"));
    }
}
