use scraper::Html;

use super::*;

const PARA: &str = "A sentence long enough to count as a paragraph, with commas, clauses, and a full stop.";

fn root_class(html: &str) -> String {
    let dom = Html::parse_document(html);
    let tree = Tree::build(&dom);
    let selection = select(&tree, &Site::default()).unwrap();
    tree.el(selection.root).element.attr("class").unwrap_or_default().to_owned()
}

#[test]
fn the_densest_container_wins() {
    let html = format!(
        "<div class=page><div class=teaser><h3><a href=/x>Another story on the same site</a></h3>\
         <p>{PARA}</p></div><div class=story>{}</div></div>",
        format!("<p>{PARA}</p>").repeat(6)
    );
    assert_eq!(root_class(&html), "story");
}

/// A debugging aid, not a check: `BYLINE_DEBUG_FILE=page.html cargo test
/// --lib debug_selection -- --ignored --nocapture` prints how a page's
/// article was chosen.
#[test]
#[ignore = "debugging aid; needs BYLINE_DEBUG_FILE"]
fn debug_selection() {
    let Some(path) = std::env::var_os("BYLINE_DEBUG_FILE") else { return };
    let bytes = std::fs::read(path).unwrap();
    let text = crate::extract::decode::decode(&bytes, None, true).unwrap();
    let dom = Html::parse_document(&text);
    let tree = Tree::build(&dom);
    let (meta, _) = super::super::metadata::read(&tree, None);
    let site = Site::of(meta.url.as_deref());
    let describe = |id: ElId| {
        let el = tree.el(id);
        format!(
            "{}#{} .{} [{}]",
            el.element.name(),
            el.element.id().unwrap_or(""),
            el.element.attr("class").unwrap_or(""),
            id
        )
    };
    let selection = select(&tree, &site).unwrap();
    let st = &selection.stats;
    println!("strict {} root {} top {}", selection.strict, describe(selection.root), describe(selection.top));
    let mut ranked: Vec<(ElId, f32)> = (0..tree.els.len() as ElId)
        .filter_map(|id| final_score(&tree, st, id).map(|s| (id, s)))
        .collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1));
    for (id, score) in ranked.iter().take(8) {
        let s = &st[*id as usize];
        println!("  {score:8.1} {} good {} chars {} links {}", describe(*id), s.good, s.chars, s.link_chars);
    }
    let mut at = selection.root;
    while at != selection.top {
        let next = (at..tree.els.len() as ElId).find(|&c| tree.el(c).parent == at && contains(&tree, c, selection.top));
        let Some(next) = next else { break };
        let s = &st[next as usize];
        println!("  path {} good {} chars {} score {:.1}", describe(next), s.good, s.chars, s.score);
        at = next;
    }
}
