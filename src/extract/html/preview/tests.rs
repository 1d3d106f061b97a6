use super::*;

fn cut_at(page: &str, target: usize) -> Option<&str> {
    preview_cut(page.as_bytes(), target).map(|cut| &page[..cut])
}

#[test]
fn a_short_page_is_kept_whole() {
    let page = "<p>One.</p><p>Two.</p>";
    assert_eq!(cut_at(page, 1000), Some(page));
}

#[test]
fn cuts_before_the_last_block_that_starts_in_reach() {
    let page = "<html><body><h1>Title</h1><p>First <b>bold</b> text.</p><p>Second para.</p><p>Third.</p>";
    let within = page.find("Second").unwrap_or(0) + 3;
    assert_eq!(cut_at(page, within), Some("<html><body><h1>Title</h1><p>First <b>bold</b> text.</p>"));
}

#[test]
fn never_cuts_inside_a_tag_comment_or_script() {
    let page = concat!(
        "<h1>Kept</h1>",
        "<div title=\"a <p> in an attribute\">x</div>",
        "<!-- <p> in a comment -->",
        "<script>var s = '<p>in a script</p>';</script>",
        "<style>p::before { content: '<p>' }</style>",
        "<textarea><p>typed</p></textarea>",
        "tail text and more tail text"
    );
    let cut = cut_at(page, page.len() - 3).unwrap_or_default();
    // The only block start outside the tags, comment and raw text is the div.
    assert_eq!(cut, "<h1>Kept</h1>");
}

#[test]
fn a_tag_cut_by_the_limit_is_not_a_candidate() {
    let page = "<p>One.</p><p class=\"long-attribute-value\">Two.</p>";
    let inside = page.find("long").unwrap_or(0);
    assert_eq!(cut_at(page, inside), Some(""));
    let unclosed_comment = "<p>One.</p><!-- <p>never closed in reach";
    assert_eq!(cut_at(unclosed_comment, unclosed_comment.len() - 2), Some(""));
}

#[test]
fn a_head_without_blocks_gives_no_preview() {
    let page = format!("<html><head><script>{}</script></head><body><p>x</p>", "var a = 1;".repeat(100));
    assert_eq!(preview_cut(page.as_bytes(), 200), None);
}

#[test]
fn a_script_that_opens_a_comment_stops_the_scan() {
    let page = "<p>a</p><script><!-- <script></script> --></script><p>b</p><p>c</p>";
    assert_eq!(cut_at(page, page.len() - 1), Some(""));
}

#[test]
fn every_cut_is_a_tag_start_on_a_char_boundary() {
    let page = "<h2>Één</h2><p>Ünïcödé “quoted” text.</p>".repeat(50);
    for target in 0..page.len() {
        if let Some(cut) = preview_cut(page.as_bytes(), target) {
            assert!(cut <= target);
            assert!(page.is_char_boundary(cut));
            assert!(cut == page.len() || page[cut..].starts_with('<'), "cut {cut} at {target}");
        }
    }
}
