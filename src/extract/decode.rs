//! Decoding bytes to text: BOM, then the transport's charset, then (for HTML)
//! a `<meta charset>` prescan, then UTF-8, then detection with chardetng.

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};

use super::sniff;

/// How far into an HTML document the `<meta charset>` prescan looks (the HTML
/// standard's figure).
const PRESCAN_BYTES: usize = 1024;

/// Decodes `bytes`. Bytes that do not decode become U+FFFD; the only failure is
/// an encoding that cannot be decoded at all (such as ISO-2022-KR, which the
/// Encoding Standard maps to "replacement"), reported by its name.
pub fn decode<'a>(
    bytes: &'a [u8],
    content_type: Option<&str>,
    html: bool,
) -> Result<Cow<'a, str>, &'static str> {
    if let Some((little_endian, skip)) = sniff::utf32(bytes) {
        return Ok(Cow::Owned(decode_utf32(&bytes[skip..], little_endian)));
    }
    let utf8 = std::str::from_utf8(bytes).ok();
    let (encoding, skip) = choose(bytes, content_type, html, utf8.is_some())?;
    match utf8 {
        // The byte order mark is one character: the cut is a boundary.
        Some(text) if encoding == UTF_8 => Ok(Cow::Borrowed(text.get(skip..).unwrap_or_default())),
        _ => Ok(Cow::Owned(decode_with(encoding, &bytes[skip..]))),
    }
}

/// [`decode`], taking the bytes: UTF-8 input (the usual case) becomes the
/// text without a copy, so a large page is not held twice.
pub fn decode_owned(bytes: Vec<u8>, content_type: Option<&str>, html: bool) -> Result<String, &'static str> {
    if let Some((little_endian, skip)) = sniff::utf32(&bytes) {
        return Ok(decode_utf32(&bytes[skip..], little_endian));
    }
    // The one validation of UTF-8 is the one that makes the text.
    match String::from_utf8(bytes) {
        Ok(mut text) => {
            let (encoding, skip) = choose(text.as_bytes(), content_type, html, true)?;
            if encoding != UTF_8 {
                return Ok(decode_with(encoding, &text.as_bytes()[skip..]));
            }
            // The byte order mark is one character: the cut is a boundary.
            if text.is_char_boundary(skip) {
                text.drain(..skip);
            }
            Ok(text)
        }
        Err(invalid) => {
            let bytes = invalid.into_bytes();
            let (encoding, skip) = choose(&bytes, content_type, html, false)?;
            Ok(decode_with(encoding, &bytes[skip..]))
        }
    }
}

/// The encoding of `bytes` and the length of its byte order mark;
/// `utf8_valid` says whether all of `bytes` is valid UTF-8.
fn choose(
    bytes: &[u8],
    content_type: Option<&str>,
    html: bool,
    utf8_valid: bool,
) -> Result<(&'static Encoding, usize), &'static str> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        return Ok((encoding, bom_len));
    }
    if let Some(little_endian) = sniff::utf16_without_bom(bytes) {
        return Ok((if little_endian { UTF_16LE } else { UTF_16BE }, 0));
    }
    let declared = content_type
        .and_then(charset_param)
        .and_then(|label| Encoding::for_label(label.as_bytes()))
        .or_else(|| if html { prescan_meta_charset(bytes) } else { None });
    let encoding = match declared {
        // A saved file often keeps a stale charset after being re-encoded:
        // bytes that are valid UTF-8 and not ASCII are taken as UTF-8.
        Some(_) if utf8_valid && !bytes.is_ascii() => UTF_8,
        // UTF-16 in a meta tag is a lie: the prescan could read it (standard).
        Some(encoding) if encoding == UTF_16LE || encoding == UTF_16BE => UTF_8,
        Some(encoding) => encoding,
        None if utf8_valid || mostly_utf8(bytes) => UTF_8,
        None => detect(bytes),
    };
    if encoding == encoding_rs::REPLACEMENT {
        return Err(encoding.name());
    }
    Ok((encoding, 0))
}

/// UTF-32, which the Encoding Standard (and so `encoding_rs`) leaves out:
/// a unit that is no character, or a cut one at the end, is U+FFFD.
fn decode_utf32(bytes: &[u8], little_endian: bool) -> String {
    let units = bytes.chunks(4).map(|unit| {
        let Ok(unit) = <[u8; 4]>::try_from(unit) else {
            return char::REPLACEMENT_CHARACTER;
        };
        let value = if little_endian { u32::from_le_bytes(unit) } else { u32::from_be_bytes(unit) };
        char::from_u32(value).unwrap_or(char::REPLACEMENT_CHARACTER)
    });
    units.collect()
}

fn decode_with(encoding: &'static Encoding, bytes: &[u8]) -> String {
    encoding.decode_without_bom_handling(bytes).0.into_owned()
}

/// Text that is UTF-8 except for a few broken sequences is UTF-8 with damage,
/// not a legacy encoding: it keeps its valid characters and shows U+FFFD for
/// the rest.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut valid_multibyte, mut invalid) = (0usize, 0usize);
    let mut rest = bytes;
    loop {
        match std::str::from_utf8(rest) {
            Ok(tail) => {
                valid_multibyte += tail.chars().filter(|c| !c.is_ascii()).count();
                break;
            }
            Err(error) => {
                let (good, after) = rest.split_at(error.valid_up_to());
                valid_multibyte += String::from_utf8_lossy(good).chars().filter(|c| !c.is_ascii()).count();
                invalid += 1;
                let skip = error.error_len().unwrap_or(after.len()).max(1);
                rest = &after[skip.min(after.len())..];
                if rest.is_empty() {
                    break;
                }
            }
        }
    }
    valid_multibyte > 0 && invalid <= valid_multibyte * 4
}

fn detect(bytes: &[u8]) -> &'static Encoding {
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    detector.guess(None, chardetng::Utf8Detection::Allow)
}

/// The `charset` parameter of a media type such as `text/html; charset=utf-8`.
fn charset_param(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|param| {
        let (key, value) = param.split_once('=')?;
        key.trim().eq_ignore_ascii_case("charset").then(|| value.trim().trim_matches(['"', '\'']).to_owned())
    })
}

/// Finds `charset=` in the `<meta>` tags of the first [`PRESCAN_BYTES`] bytes,
/// both `<meta charset=…>` and `<meta http-equiv content="…; charset=…">`.
fn prescan_meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = bytes[..bytes.len().min(PRESCAN_BYTES)].to_ascii_lowercase();
    let mut at = 0;
    while let Some(found) = find(&head[at..], b"<meta") {
        let start = at + found + 5;
        let end = find(&head[start..], b">").map_or(head.len(), |e| start + e);
        let tag = &head[start..end];
        if let Some(pos) = find(tag, b"charset") {
            let value = tag[pos + 7..]
                .iter()
                .skip_while(|b| b.is_ascii_whitespace())
                .skip_while(|&&b| b == b'=')
                .skip_while(|&&b| b.is_ascii_whitespace() || b == b'"' || b == b'\'')
                .take_while(|&&b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.'))
                .copied()
                .collect::<Vec<u8>>();
            if let Some(encoding) = Encoding::for_label(&value) {
                return Some(encoding);
            }
        }
        at = end;
    }
    None
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|window| window == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn owned_decoding_matches_borrowed() {
        let mut utf16 = vec![0xff, 0xfe];
        utf16.extend("“hi”".encode_utf16().flat_map(u16::to_le_bytes));
        let inputs: [(&[u8], bool); 6] = [
            ("plain “UTF-8” text".as_bytes(), false),
            (b"\xef\xbb\xbfwith a BOM", false),
            (&utf16, false),
            (b"<meta charset=\"windows-1252\"><p>\x93q\x94</p>", true),
            (b"broken \xff\xfe UTF-8 \xe2\x80\x9cq\xe2\x80\x9d", false),
            (b"", false),
        ];
        for (bytes, html) in inputs {
            assert_eq!(
                decode_owned(bytes.to_vec(), None, html),
                decode(bytes, None, html).map(Cow::into_owned),
                "{bytes:?}"
            );
        }
        let declared = Some("text/html; charset=iso-2022-kr");
        assert_eq!(
            decode_owned(b"abc".to_vec(), declared, true),
            decode(b"abc", declared, true).map(Cow::into_owned)
        );
    }

    #[test]
    fn utf32_is_decoded_with_or_without_its_mark() {
        let text = "The envoy said: \u{201c}Soon \u{1f30d}.\u{201d} Then she left the room.";
        let le: Vec<u8> = text.chars().flat_map(|c| u32::from(c).to_le_bytes()).collect();
        let be: Vec<u8> = text.chars().flat_map(|c| u32::from(c).to_be_bytes()).collect();
        let cases = [
            ([b"\xff\xfe\0\0".as_slice(), &le].concat(), "LE with its mark"),
            ([b"\0\0\xfe\xff".as_slice(), &be].concat(), "BE with its mark"),
            (le.clone(), "LE without"),
            (be.clone(), "BE without"),
        ];
        for (bytes, what) in cases {
            assert_eq!(decode(&bytes, None, false).unwrap(), text, "{what}");
            assert_eq!(decode_owned(bytes, None, false).unwrap(), text, "{what}");
        }
        let mut cut = le;
        cut.extend_from_slice(&[0xff, 0xff, 0xff, 0xff, 0x41]);
        assert!(decode(&cut, None, false).unwrap().ends_with("room.\u{fffd}\u{fffd}"));
    }

    #[test]
    fn bom_wins() {
        let mut bytes = vec![0xff, 0xfe];
        bytes.extend("“hi”".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(decode(&bytes, None, false).unwrap(), "“hi”");
    }

    #[test]
    fn meta_charset_is_honoured_for_html() {
        let page = b"<html><head><meta charset=\"windows-1252\"></head><p>\x93quoted\x94 \x9b</p>";
        assert!(decode(page, None, true).unwrap().contains("“quoted” ›"));
        let equiv = b"<meta http-equiv=Content-Type content=\"text/html; charset=Shift_JIS\"><p>\x83\x5c</p>";
        assert!(decode(equiv, None, true).unwrap().contains('ソ'));
    }

    #[test]
    fn valid_utf8_beats_a_stale_meta() {
        let page = "<meta charset=iso-8859-1><p>café “x”</p>";
        assert!(decode(page.as_bytes(), None, true).unwrap().contains("café “x”"));
    }

    #[test]
    fn damaged_utf8_shows_replacement_characters() {
        let bytes = b"caf\xc3\xa9 ok \x9b bad \xff end \xe2\x80\x9cq\xe2\x80\x9d";
        let text = decode(bytes, None, false).unwrap();
        assert_eq!(text, "café ok \u{fffd} bad \u{fffd} end “q”");
    }

    #[test]
    fn legacy_text_is_detected() {
        let latin1 = b"Le caf\xe9 est tr\xe8s bon, d\xe9clare le g\xe9rant. \xc7a va tr\xe8s bien.";
        assert!(decode(latin1, None, false).unwrap().contains("café"));
    }

    #[test]
    fn replacement_encoding_is_refused() {
        assert_eq!(decode(b"<meta charset=iso-2022-kr>x", None, true), Err("replacement"));
    }

    #[test]
    fn content_type_charset_is_parsed() {
        assert_eq!(charset_param("text/html; Charset=\"UTF-8\""), Some("UTF-8".into()));
        assert_eq!(charset_param("text/html"), None);
    }
}
