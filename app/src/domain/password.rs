//! What a local account's password must be: long enough, not one of the passwords everybody tries first
//! (in French and English, with the digits and signs people add at the end), not the person's own name.
//! Following NIST SP 800-63B: length and a blocklist, no composition rules, no forced expiry.

/// The shortest password accepted.
pub const MIN_LENGTH: usize = 10;
/// Argon2 hashes anything, but a megabyte of "password" is an attack on the server, not a password.
pub const MAX_LENGTH: usize = 128;

/// Why a password is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PasswordProblem {
    TooShort,
    TooLong,
    /// In the list of the most common passwords, or one of them with digits or signs around it.
    Common,
    /// The person's login or a part of their name.
    Personal,
}

/// The passwords tried first by anyone guessing (the top of the public leak lists, and their French
/// counterparts), lower-cased. A password is refused when, lower-cased and stripped of the digits and signs
/// around it, it is one of these.
const COMMON: &[&str] = &[
    "password",
    "motdepasse",
    "azerty",
    "azertyuiop",
    "qwerty",
    "qwertyuiop",
    "abc",
    "abcdef",
    "abcdefgh",
    "letmein",
    "welcome",
    "bienvenue",
    "bonjour",
    "soleil",
    "doudou",
    "chouchou",
    "loulou",
    "marseille",
    "paris",
    "bordeaux",
    "immo",
    "immobilier",
    "admin",
    "administrateur",
    "administrator",
    "root",
    "toor",
    "user",
    "utilisateur",
    "test",
    "secret",
    "master",
    "dragon",
    "monkey",
    "football",
    "baseball",
    "iloveyou",
    "jetaime",
    "trustno",
    "sunshine",
    "princess",
    "princesse",
    "shadow",
    "superman",
    "batman",
    "michael",
    "nicolas",
    "julien",
    "thomas",
    "camille",
    "pokemon",
    "starwars",
    "computer",
    "ordinateur",
    "internet",
    "changeme",
    "changezmoi",
    "default",
    "defaut",
    "passw",
    "pass",
    "mdp",
    "login",
    "connexion",
    "service",
    "support",
    "helpdesk",
    "chantier",
    "agence",
    "printemps",
    "ete",
    "automne",
    "hiver",
    "janvier",
    "fevrier",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "aout",
    "septembre",
    "octobre",
    "novembre",
    "decembre",
    "summer",
    "winter",
    "spring",
    "autumn",
    "qazwsx",
    "zaq",
    "asdfgh",
    "zxcvbn",
    "wxcvbn",
    "aqwzsx",
    "nous",
    "vous",
    "lol",
    "hello",
    "salut",
    "coucou",
    "freedom",
    "whatever",
    "qwertz",
];

/// Sequences of digits or keys that are no password once the decoration is gone.
fn is_trivial(core: &str) -> bool {
    core.is_empty() || core.chars().all(|c| core.starts_with(c))
}

/// Lower case, no accents, letters and digits only: "Claire.Martin" and "claire martin" compare equal.
fn squash(text: &str) -> String {
    crate::domain::catalog::fold_for_search(text).chars().filter(|c| c.is_alphanumeric()).collect()
}

/// Checks a new password for the person with this login and name.
pub fn check(password: &str, login: &str, display_name: &str) -> Result<(), PasswordProblem> {
    let length = password.chars().count();
    if length < MIN_LENGTH {
        return Err(PasswordProblem::TooShort);
    }
    if length > MAX_LENGTH {
        return Err(PasswordProblem::TooLong);
    }
    let squashed = squash(password);
    // The word without the digits people put around it ("Azerty123!" → "azerty").
    let core = squashed.trim_matches(|c: char| c.is_ascii_digit());
    if is_trivial(core) || COMMON.contains(&core) {
        return Err(PasswordProblem::Common);
    }
    let local_part = login.split('@').next().unwrap_or_default();
    let personal_words = std::iter::once(local_part)
        .chain(local_part.split(['.', '-', '_']))
        .chain(display_name.split_whitespace())
        .map(squash)
        .filter(|word| word.chars().count() >= 3);
    for word in personal_words {
        if core == word || (squashed.contains(&word) && core.chars().count() <= word.chars().count() + 3) {
            return Err(PasswordProblem::Personal);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_are_judged_by_length_commonness_and_closeness_to_the_person() {
        let cases = [
            ("court", Err(PasswordProblem::TooShort)),
            ("123456789", Err(PasswordProblem::TooShort)),
            ("1234567890", Err(PasswordProblem::Common)),
            ("Azerty123!", Err(PasswordProblem::Common)),
            ("MotDePasse2026", Err(PasswordProblem::Common)),
            ("!!Bordeaux33!!", Err(PasswordProblem::Common)),
            ("aaaaaaaaaaaa", Err(PasswordProblem::Common)),
            ("Décembre2026", Err(PasswordProblem::Common)),
            ("claire.martin1", Err(PasswordProblem::Personal)),
            ("Martin2026!!", Err(PasswordProblem::Personal)),
            ("grue-ciment-lanterne", Ok(())),
            ("Trois chats sur le toit", Ok(())),
            ("martinet des falaises", Ok(())),
        ];
        for (password, expected) in cases {
            assert_eq!(check(password, "claire.martin@immo9.fr", "Claire Martin"), expected, "{password:?}");
        }
        assert_eq!(check(&"x".repeat(MAX_LENGTH + 1), "a@b.c", "A"), Err(PasswordProblem::TooLong));
    }
}
