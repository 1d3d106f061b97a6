use scraper::Html;

use super::*;
use crate::extract::html::content;

fn blocks_of(body: &str) -> Vec<(String, String)> {
    let dom = Html::parse_document(body);
    let tree = Tree::build(&dom);
    let selection = content::select(&tree, &crate::extract::html::site::Site::default()).unwrap();
    convert(&tree, &selection, url::Url::parse("https://ex.org/a/").ok().as_ref())
        .into_iter()
        .map(|b| (b.kind().name().to_owned(), b.text().to_owned()))
        .collect()
}

#[test]
fn structure_is_kept() {
    let got = blocks_of(
        "<h2>Head</h2><p>One <em>two</em></p><ul><li>a<ul><li>b</li></ul></li></ul>\
         <blockquote><p>Q</p></blockquote><pre>x\n  y</pre><hr><figure><img src=i.png alt=Alt><figcaption>Cap</figcaption></figure>",
    );
    let kinds: Vec<&str> = got.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(
        kinds,
        ["heading", "paragraph", "list_item", "list_item", "blockquote", "preformatted", "rule", "figure", "caption"]
    );
    assert_eq!(got[5].1, "x\n  y");
}
