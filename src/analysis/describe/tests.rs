//! Unit tests of descriptions: merging, composing, bodies.

use rstest::rstest;

use super::super::para::Para;
use super::compose::compose;
use super::{heads_a_body, merge, of_mention};
use crate::model::{Block, BlockId, BlockKind};

#[test]
fn merging_keeps_the_fuller_phrase_once() {
    let mut phrases = vec!["immunologist".to_owned()];
    merge(&mut phrases, "immunologist at the University of Lund".to_owned());
    merge(&mut phrases, "immunologist".to_owned());
    merge(&mut phrases, "a keen sailor".to_owned());
    assert_eq!(phrases, ["immunologist at the University of Lund", "a keen sailor"]);
}

#[test]
fn an_abbreviation_with_stops_is_the_same_word() {
    let mut phrases = vec!["U.S. President".to_owned()];
    merge(&mut phrases, "US President".to_owned());
    merge(&mut phrases, "St. Louis mayor".to_owned());
    assert_eq!(phrases, ["U.S. President", "St. Louis mayor"]);
}

#[test]
fn a_bare_honorific_is_no_description() {
    assert_eq!(compose(Some("Rep."), &[]), None);
    assert_eq!(compose(Some("Mr"), &["harbor pilot".to_owned()]), Some("harbor pilot".to_owned()));
    assert_eq!(compose(Some("Secretary of State"), &[]), Some("Secretary of State".to_owned()));
}

#[test]
fn organisation_heads() {
    assert!(heads_a_body("a Dublin think tank"));
    assert!(heads_a_body("the consulting firm that advised the port"));
    assert!(!heads_a_body("director of the Harbor Group"));
}

/// The phrases of the mention of `name` (its first word) in `text`.
fn phrases(text: &str, name: &str) -> Vec<String> {
    let block = Block::new(BlockKind::Paragraph, text);
    let para = Para::new(BlockId(0), &block).unwrap_or_else(|| panic!("no para"));
    let first = name.split(' ').next().unwrap_or(name);
    let run = para
        .runs
        .iter()
        .find(|r| para.word(r.name.start) == first)
        .unwrap_or_else(|| panic!("no run {name} in {:?}", para.runs));
    of_mention(&para, run)
}

#[rstest]
#[case::owner_in_the_sentence("Kim Teves went with his girlfriend Lena Ruiz.", "Lena Ruiz", &["Kim Teves’ girlfriend"])]
#[case::owner_subject_of_an_earlier_sentence(
    "Kim Lund grew up in Port Vale. Everyone called him Kip. According to his aunt, Jane Morrow, he read early.",
    "Jane Morrow",
    &["Lund’s aunt"]
)]
#[case::owner_inside_an_appositive(
    "Kim Lund wrote at night, said Ada Vole, one of his editors at Northwind.",
    "Ada Vole",
    &["one of Kim Lund’s editors at Northwind"]
)]
#[case::a_place_is_no_owner(
    "The mill stood in East Harbor for years. His aunt Jane Morrow ran it.",
    "Jane Morrow",
    &["aunt"]
)]
#[case::its_is_a_body_s(
    "Harbor Lines grew fast. Its chief engineer Omar Haddad left in May.",
    "Omar Haddad",
    &["Harbor Lines’ chief engineer"]
)]
#[case::the_company_named_before(
    "Harbor Lines Group builds ferries. Omar Haddad, the company’s chief engineer, left.",
    "Omar Haddad",
    &["Harbor Lines Group’s chief engineer"]
)]
#[case::of_the_company(
    "Harbor Lines Group builds ferries. Omar Haddad, chief engineer of the company, left.",
    "Omar Haddad",
    &["chief engineer of Harbor Lines Group"]
)]
#[case::no_company_named(
    "Omar Haddad, the company’s chief engineer, left.",
    "Omar Haddad",
    &["the company’s chief engineer"]
)]
#[case::nobody_owns_it("“She wrote every morning,” her friend Tom Lark said.", "Tom Lark", &["friend"])]
fn a_possessive_pronoun_names_its_owner(#[case] text: &str, #[case] name: &str, #[case] expected: &[&str]) {
    assert_eq!(phrases(text, name), expected);
}

#[rstest]
#[case::particle_of_a_phrasal_verb("The board tried to cut out Ada Vole in May.", "Ada Vole")]
#[case::photo_credit("Image copyright Lantern Photos Image caption Ada Vole at the pier.", "Ada Vole")]
#[case::verb_object("The council does not supply Harbor Lines with fuel.", "Harbor Lines")]
fn no_role_before_the_name(#[case] text: &str, #[case] name: &str) {
    assert_eq!(phrases(text, name), Vec::<String>::new());
}

#[rstest]
#[case::possessive_name(
    "The fight was over Kim Lund’s partner, the painter and potter Ada Vole.",
    "Ada Vole",
    &["Kim Lund’s partner, the painter and potter"]
)]
#[case::possessive_pronoun(
    "Kim Lund left the firm. Soon after, his wife, the novelist Ada Vole, moved to Oslo.",
    "Ada Vole",
    &["Lund’s wife, the novelist"]
)]
#[case::no_owner_before_the_comma(
    "At the pier, the novelist Ada Vole waved.",
    "Ada Vole",
    &["novelist"]
)]
fn a_role_owned_by_someone_before_the_role(
    #[case] text: &str,
    #[case] name: &str,
    #[case] expected: &[&str],
) {
    assert_eq!(phrases(text, name), expected);
}

#[rstest]
#[case::place_then_the_verb(
    "The tide, says Ada Vole, a geologist at the University of Lund, Malmo, shapes the coast.",
    "Ada Vole",
    "a geologist at the University of Lund, Malmo"
)]
#[case::place_at_the_end(
    "“It moves,” said Ada Vole, a geologist at the University of Lund, Malmo.",
    "Ada Vole",
    "a geologist at the University of Lund, Malmo"
)]
#[case::a_list_goes_on(
    "Ada Vole, a geologist at the University of Lund, Kim Lund and two divers left.",
    "Ada Vole",
    "a geologist at the University of Lund"
)]
fn a_place_after_an_organisation_stays_in_the_role(
    #[case] text: &str,
    #[case] name: &str,
    #[case] expected: &str,
) {
    assert_eq!(phrases(text, name), [expected]);
}

#[rstest]
#[case::title_closes_the_clause(
    "Vole, a painter who also directed “Gulls” and “Low Tide,” filmed at the pier in Malmo, where Kim worked.",
    "Vole",
    &["a painter who also directed “Gulls” and “Low Tide”"]
)]
#[case::title_inside_the_role(
    "Ada Vole, the author of “Low Tide” and two plays, left.",
    "Ada Vole",
    &["the author of “Low Tide” and two plays"]
)]
fn a_quoted_title_in_a_role(#[case] text: &str, #[case] name: &str, #[case] expected: &[&str]) {
    assert_eq!(phrases(text, name), expected);
}
