//! Unit tests of descriptions: merging, composing, bodies.

use super::compose::compose;
use super::{heads_a_body, merge};

#[test]
fn merging_keeps_the_fuller_phrase_once() {
    let mut phrases = vec!["immunologist".to_owned()];
    merge(&mut phrases, "immunologist at the University of Lund".to_owned());
    merge(&mut phrases, "immunologist".to_owned());
    merge(&mut phrases, "a keen sailor".to_owned());
    assert_eq!(phrases, ["immunologist at the University of Lund", "a keen sailor"]);
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
