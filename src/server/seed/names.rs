//! People and workspace names for the seeds: varied on purpose (accents, CJK, apostrophes,
//! very long names) so that every screen is exercised with real-world text.

/// First and last names of the demo's people, in the order they joined.
pub const DEMO_PEOPLE: &[(&str, &str)] = &[
    ("Camille", "Laurent"),
    ("Zoë", "Ångström"),
    ("Taro", "田中"),
    ("José", "Núñez"),
    ("Søren", "Kierkegaard-Møller"),
    (
        "Maximilian-Alexander Friedrich",
        "von Hohenzollern-Sigmaringen-Wittelsbach",
    ),
    ("Ana Sofía", "Rodríguez"),
    ("Jean-Baptiste", "Lefèvre"),
    ("Łukasz", "Wiśniewski"),
    ("Amélie", "Poulain"),
    ("Priya", "Raghunathan"),
    ("Oluwaseun", "Adeyemi"),
    ("Minh Khai", "Nguyễn Thị"),
    ("Na", "李"),
    ("Fatima", "Al-Zahra"),
    ("Björn", "Lindqvist"),
    ("Chloé", "Dubois"),
    ("Mateo", "García"),
    ("Aiko", "鈴木"),
    ("Olga", "Ivanova"),
    ("Sarah", "O'Connor"),
    ("Liam", "Murphy"),
    ("Hannah", "Schmidt"),
    ("Noah", "Müller"),
    ("Elena", "Rossi"),
    ("Giulia", "Bianchi"),
    ("Kwame", "Mensah"),
    ("Ingrid", "Solberg"),
];

pub const GLOBEX_PEOPLE: &[(&str, &str)] = &[
    ("Hank", "Scorpio"),
    ("Mindy", "Simmons"),
    ("Frank", "Grimes"),
    ("Lurleen", "Lumpkin"),
    ("Artie", "Ziff"),
    ("Bea", "Simmons"),
    ("Raphaël", "Côté"),
];

pub const INITECH_PEOPLE: &[(&str, &str)] = &[
    ("Bill", "Lumbergh"),
    ("Peter", "Gibbons"),
    ("Samir", "Nagheenanajar"),
    ("Michael", "Bolton"),
    ("Joanna", "Ferreira"),
];

pub const LARGE_FIRST: &[&str] = &[
    "Alex", "Amélie", "Anaïs", "Ben", "Carla", "Chen", "Dario", "Eva", "Fatou", "Gabriel", "Hana",
    "Igor", "Jonas", "Kenji", "Léa", "Maya", "Nils", "Omar", "Paula", "Quentin", "Rosa", "Sami",
    "Tomás", "Uma", "Victor", "Wen", "Ximena", "Yara", "Zoltan", "Émilie",
];

pub const LARGE_LAST: &[&str] = &[
    "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Petit", "Durand", "Leroy", "Moreau",
    "Simon", "Laurent", "Lefebvre", "Michel", "García", "Müller", "Rossi", "Kowalski", "Novák",
    "Silva", "Tanaka", "Kim", "Nguyen", "Okafor", "Haddad", "Jensen", "Popescu", "Horvat",
    "Ivanov", "Costa", "Öztürk",
];

pub const LARGE_TEAMS: &[&str] = &[
    "Research",
    "Platform",
    "Payments",
    "Search",
    "Growth",
    "Support",
    "Security",
    "Data",
    "Mobile",
    "Web",
    "Infra",
    "Legal",
    "Finance",
    "Sales",
    "Marketing",
    "Design",
    "Ops",
    "Analytics",
    "Partners",
    "Quality",
];

/// A lowercase ASCII token for email domains: "Northwind Labs" -> "northwind-labs".
pub fn slug(name: &str) -> String {
    ascii_slug(name).unwrap_or_else(|| "org".into())
}

fn ascii_slug(name: &str) -> Option<String> {
    let folded = crate::domain::text::fold(name);
    let mut out = String::new();
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-').to_owned();
    (!out.is_empty()).then_some(out)
}

/// An email local part for a person, from whichever parts of the name have a Latin spelling.
pub fn email_local(first: &str, last: &str, fallback_index: usize) -> String {
    match (ascii_slug(first), ascii_slug(last)) {
        (Some(f), Some(l)) => format!("{f}.{l}"),
        (Some(one), None) | (None, Some(one)) => one,
        (None, None) => format!("member{fallback_index}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_plain_ascii() {
        assert_eq!(slug("Northwind Labs"), "northwind-labs");
        assert_eq!(slug("Zoë Ångström"), "zoe-angstrom");
        assert_eq!(slug("田中"), "org");
        assert_eq!(email_local("Taro", "田中", 3), "taro");
        assert_eq!(email_local("太郎", "田中", 3), "member3");
        assert_eq!(email_local("Sarah", "O'Connor", 0), "sarah.o-connor");
    }
}
