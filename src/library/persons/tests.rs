use super::*;

fn row(
    article_id: i64,
    name: &str,
    aliases: &[&str],
    description: Option<&str>,
    quotes: usize,
) -> SpeakerRow {
    SpeakerRow {
        article_id,
        ordinal: 0,
        name: name.to_owned(),
        aliases: aliases.iter().map(|a| (*a).to_owned()).collect(),
        description: description.map(str::to_owned),
        kind: SpeakerKind::Person,
        quote_count: quotes,
        published: Some(format!("2026-0{article_id}-01")),
        saved_at: 0,
    }
}

fn names(people: &[Person]) -> Vec<&str> {
    people.iter().map(|p| p.name.as_str()).collect()
}

#[test]
fn one_person_under_three_forms_is_one_row() {
    let rows = [
        row(1, "Marco Rubio", &["Rubio"], Some("the secretary of state"), 2),
        row(2, "Secretary of State Marco Rubio", &[], None, 1),
        row(3, "Rubio", &[], Some("Secretary of State"), 3),
    ];
    let people = merge_people(&rows);
    assert_eq!(names(&people), ["Marco Rubio"]);
    let rubio = &people[0];
    assert_eq!((rubio.quotes, rubio.articles.clone()), (6, vec![1, 2, 3]));
    assert_eq!(rubio.aliases, ["Rubio", "Secretary of State Marco Rubio"]);
    assert_eq!(rubio.descriptions, ["the secretary of state"], "case-insensitive duplicates merge");
    assert_eq!((rubio.first.as_deref(), rubio.last.as_deref()), (Some("2026-01-01"), Some("2026-03-01")));
}

#[test]
fn two_people_sharing_a_surname_stay_apart_and_the_lone_surname_with_them() {
    let rows = [
        row(1, "Ann Lee", &["Lee"], Some("a harbour engineer"), 1),
        row(2, "Tom Lee", &[], Some("a fisherman"), 2),
        row(3, "Lee", &[], None, 1),
        row(4, "Ann Lee", &[], None, 1),
    ];
    let people = merge_people(&rows);
    assert_eq!(names(&people), ["Ann Lee", "Tom Lee", "Lee"]);
    assert_eq!(people[0].articles, [1, 4]);
    assert_eq!(people[1].descriptions, ["a fisherman"]);
}

#[test]
fn organisations_merge_by_their_one_word_name_and_nothing_is_lost() {
    let mut reuters = row(1, "Reuters", &[], None, 1);
    reuters.kind = SpeakerKind::Organisation;
    let mut again = reuters.clone();
    again.article_id = 2;
    let rows = [reuters, again, row(2, "Ada Vole", &["Vole"], None, 4)];
    let people = merge_people(&rows);
    assert_eq!(names(&people), ["Ada Vole", "Reuters"]);
    assert_eq!(people.iter().map(|p| p.quotes).sum::<usize>(), 6);
    assert!(merge_people(&[]).is_empty());
}
