//! Texts and questions several forms share, one module per language. Each is a `const` built
//! with the `Question` builders, so a form can take one as is or adjust it
//! (`de::AUTOIMMUNE.flag_yes(..)`) without copying the wording. The ids are the same in both
//! languages; the tests check that for every form.

pub(super) mod de;
pub(super) mod en;
