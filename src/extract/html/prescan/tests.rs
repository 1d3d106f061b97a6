use super::*;

#[test]
fn styles_are_emptied_and_scripts_removed() {
    let page = "<head><style>p{color:red}</style><script>var a = '<p>x</p>';</script></head><p>Text</p>";
    assert_eq!(strip_raw_text(page), "<head><style></style></head><p>Text</p>");
}

#[test]
fn svg_content_goes_with_nesting_counted() {
    let page =
        "<p>a</p><svg><svg/><svg><title>icon</title></svg><path d='M0'/></svg><p>b</p><SVG x='1'/><i>c</i>";
    assert_eq!(strip_raw_text(page), "<p>a</p><svg></svg><p>b</p><SVG/><i>c</i>");
}

#[test]
fn json_ld_is_kept_and_other_scripts_go() {
    let page = r#"<script type="application/ld+json">{"a":1}</script><script src=x.js></script><p>"#;
    let kept = r#"<script type="application/ld+json">{"a":1}</script><p>"#;
    assert_eq!(strip_raw_text(page), kept);
}

#[test]
fn links_go_unless_canonical_or_an_author() {
    let head = r#"<head><link rel=stylesheet href=/a.css><link rel="canonical" href="/p" data-x=1><link rel=author href=/me><link rel=icon href="/i?a=1&amp;b=2"></head>"#;
    let kept = r#"<head><link rel="canonical" href="/p"><link rel=author><link rel=icon href="/i?a=1&amp;b=2"></head>"#;
    assert_eq!(strip_raw_text(head), kept, "a reference might spell a read word: kept");
}

#[test]
fn metas_go_unless_metadata_reads_them_after_the_first_with_a_key() {
    let head = r#"<meta charset=utf-8><meta name=viewport content="w"><meta name=theme-color content=x><meta property="og:title" content="T"><meta name=x content="a&amp;b"><meta name="og&#58;url" content=u>"#;
    let kept = r#"<meta><meta name=viewport content="w"><meta property="og:title" content="T"><meta name="og&#58;url" content=u>"#;
    assert_eq!(strip_raw_text(head), kept);
}

#[test]
fn a_script_that_separates_text_is_only_emptied() {
    assert_eq!(strip_raw_text("a &amp<script>x</script>; b"), "a &amp<script></script>; b");
    assert_eq!(strip_raw_text("<td>a <script>x</script>\n<p>"), "<td>a <script></script>\n<p>");
    assert_eq!(strip_raw_text("<p>a</p> <script>x</script> <p>b</p>"), "<p>a</p>  <p>b</p>");
}

#[test]
fn quoted_attributes_are_stepped_over_and_comments_removed() {
    let page = r#"<div class="<script>">a</div><!-- <style> --><p>b</p><style>c</style>"#;
    assert_eq!(strip_raw_text(page), r#"<div class="<script>">a</div><p>b</p><style></style>"#);
    let title = "<title><script></title><p>x</p>";
    assert_eq!(strip_raw_text(title), title);
}

#[test]
fn comments_end_where_the_tokenizer_ends_them() {
    assert_eq!(
        strip_raw_text("<i><!-->a</i><i><!--->b</i><i><!-- x --!>c</i><i><!-- y - - z --></i>"),
        "<i>a</i><i>b</i><i>c</i><i></i>"
    );
    // Kept where taking it out would join tokens or move whitespace.
    for kept in ["a<<!-- x -->p>", "&am<!-- x -->p;", "x <!-- y -->z", "<p> <!-- y -->z"] {
        assert_eq!(strip_raw_text(kept), kept);
    }
    assert_eq!(strip_raw_text("a<!-- never closed"), "a<!-- never closed");
}

#[test]
fn unread_attributes_are_removed_from_every_start_tag() {
    let page = r#"<article data-id="7" class="post"><img srcset="a 2x" src="a.jpg"><custom-el aria-label="x">t</custom-el></article>"#;
    assert_eq!(
        strip_raw_text(page),
        r#"<article class="post"><img src="a.jpg"><custom-el>t</custom-el></article>"#
    );
}

#[test]
fn markup_indentation_shrinks_outside_pre() {
    let page =
        "<div>\n    <p>One  \n   two\t\tthree</p>\n\n  <pre>  keep\n\n  this </pre>\n  <p> x </p></div>";
    assert_eq!(
        strip_raw_text(page),
        "<div>\n<p>One\ntwo\t\tthree</p>\n<pre>  keep\n\n  this </pre>\n<p> x </p></div>"
    );
    let untouched = "<p>a b</p>";
    assert!(matches!(strip_raw_text(untouched), Cow::Borrowed(_)));
}

#[test]
fn closing_tags_need_a_delimiter_and_ignore_case() {
    let page = "<STYLE>a</styles> b</Style >c";
    assert_eq!(strip_raw_text(page), "<STYLE></Style >c");
    assert_eq!(strip_raw_text("<p><SCRIPT>a</scripts> b</Script ><p>c"), "<p><p>c");
}

#[test]
fn escaped_scripts_and_unterminated_input_are_left_alone() {
    let escaped = "<script><!-- <script></script> --></script><p>x</p>";
    assert_eq!(strip_raw_text(escaped), escaped);
    let old_style = "<script><!--\nvar a;\n//--></script><p>x</p>";
    assert_eq!(strip_raw_text(old_style), "<p>x</p>");
    let open = "<p>a</p><script>never closed";
    assert_eq!(strip_raw_text(open), open);
    assert_eq!(strip_raw_text("<"), "<");
    assert_eq!(strip_raw_text("<a href='x"), "<a href='x");
}

#[test]
fn a_title_never_closed_ends_where_the_markup_resumes() {
    let page = "<head><title>Harbour news</titl\n<meta name=x></head><body><p>The story.</p></body>";
    let stripped = strip_raw_text(page);
    assert!(stripped.starts_with("<head><title>Harbour news</title></titl"), "{stripped}");
    let dom = super::super::dom::Dom::parse(&stripped);
    let tree = super::super::tree::Tree::build(&dom);
    let p = tree.els.iter().position(|e| e.tag == super::super::tag::Tag::P).unwrap();
    assert_eq!(tree.text_of(p as u32), "The story.");
    // A closed title is left as it is, markup-like text and all.
    let closed = "<title>a <b> c</title><p>x</p>";
    assert_eq!(strip_raw_text(closed), closed);
}

#[test]
fn white_space_before_scripts_cut_still_separates_what_follows() {
    // In a table, white space stays put and words are moved out: cutting
    // both scripts would join the two runs.
    let page = "<table> <script src=/a.js></script><script src=/b.js></script>&amp;";
    assert_eq!(strip_raw_text(page), "<table> <script></script>&amp;");
}
