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
