//! Attachments' rules: the type read from the bytes, safe names, how a file is served, photos without location.
//!
//! A file's type is what its bytes prove ([`sniff`]), never what its name or the browser claim: the name only
//! tells apart the flavours of a container the bytes already show (a Word document is a ZIP). The type decides
//! how the file is served ([`FileType::served_as`]): anything a browser could run as a page (HTML, SVG, XML) is
//! served as opaque bytes. Names are cleaned once, on arrival ([`sanitize_name`]), and written into headers only
//! through [`content_disposition`]. Photos lose what tells where they were taken ([`without_location`]) before
//! they are stored, keeping only the orientation a phone records.

use serde::{Deserialize, Serialize};

crate::code_enum! {
    /// What a file is, read from its bytes. The code is the MIME type.
    pub enum FileType {
        Jpeg = "image/jpeg",
        Png = "image/png",
        Gif = "image/gif",
        Webp = "image/webp",
        /// iPhone photos: no browser but Safari shows them.
        Heic = "image/heic",
        Pdf = "application/pdf",
        /// A ZIP archive that no office name claims.
        Zip = "application/zip",
        Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        Pptx = "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        Odt = "application/vnd.oasis.opendocument.text",
        Ods = "application/vnd.oasis.opendocument.spreadsheet",
        /// The compound file of old Office documents (.doc, .xls) and Outlook messages (.msg).
        LegacyOffice = "application/x-ole-storage",
        Gzip = "application/gzip",
        SevenZip = "application/x-7z-compressed",
        Rar = "application/vnd.rar",
        Mp4 = "video/mp4",
        Text = "text/plain",
        Html = "text/html",
        Svg = "image/svg+xml",
        Xml = "application/xml",
        /// Bytes we recognise as none of the above.
        Binary = "application/octet-stream",
    }
}

/// How much of the head the markup checks look into, and how much a caller should pass to [`sniff`].
pub const SNIFF_BYTES: usize = 8 * 1024;

impl FileType {
    /// The images a browser shows in a page without risk: decoders that run no script and read no other file.
    /// SVG is a document that may carry scripts; HEIC most browsers cannot show.
    pub fn is_inline_image(self) -> bool {
        matches!(self, FileType::Jpeg | FileType::Png | FileType::Gif | FileType::Webp)
    }

    /// The images a preview and a thumbnail are made of (the formats the server decodes).
    pub fn is_previewable(self) -> bool {
        matches!(self, FileType::Jpeg | FileType::Png | FileType::Gif | FileType::Webp)
    }

    /// The `Content-Type` a file of this type is served with. Markup a browser would render, and so run as a
    /// page of our own origin, goes out as opaque bytes: reading it means downloading it.
    pub fn served_as(self) -> &'static str {
        match self {
            FileType::Text => "text/plain; charset=utf-8",
            FileType::Html | FileType::Svg | FileType::Xml => FileType::Binary.code(),
            other => other.code(),
        }
    }

    /// The extension files of this type usually carry, without the dot. Old Office compound files have none of
    /// their own (a .doc, an .xls or a .msg), and unknown bytes none at all.
    pub fn extension(self) -> Option<&'static str> {
        match self {
            FileType::Jpeg => Some("jpg"),
            FileType::Png => Some("png"),
            FileType::Gif => Some("gif"),
            FileType::Webp => Some("webp"),
            FileType::Heic => Some("heic"),
            FileType::Pdf => Some("pdf"),
            FileType::Zip => Some("zip"),
            FileType::Docx => Some("docx"),
            FileType::Xlsx => Some("xlsx"),
            FileType::Pptx => Some("pptx"),
            FileType::Odt => Some("odt"),
            FileType::Ods => Some("ods"),
            FileType::Gzip => Some("gz"),
            FileType::SevenZip => Some("7z"),
            FileType::Rar => Some("rar"),
            FileType::Mp4 => Some("mp4"),
            FileType::Text => Some("txt"),
            FileType::Html => Some("html"),
            FileType::Svg => Some("svg"),
            FileType::Xml => Some("xml"),
            FileType::LegacyOffice | FileType::Binary => None,
        }
    }
}

// ---------------------------------------------------------------------------------------------------------------
// The type read from the bytes
// ---------------------------------------------------------------------------------------------------------------

const JPEG_MAGIC: &[u8] = &[0xFF, 0xD8, 0xFF];
const PNG_SIGNATURE: &[u8] = &[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A];
const OLE_MAGIC: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
const GZIP_MAGIC: &[u8] = &[0x1F, 0x8B];
const SEVEN_ZIP_MAGIC: &[u8] = &[b'7', b'z', 0xBC, 0xAF, 0x27, 0x1C];
const RAR_MAGIC: &[u8] = b"Rar!\x1A\x07";
const ZIP_MAGIC: &[u8] = b"PK\x03\x04";
const EMPTY_ZIP_MAGIC: &[u8] = b"PK\x05\x06";
const UTF8_BOM: &[u8] = &[0xEF, 0xBB, 0xBF];
/// The ISO-BMFF brands of HEIF still images; any other brand of an `ftyp` box is a video.
const HEIC_BRANDS: &[&[u8]] = &[b"heic", b"heix", b"mif1", b"msf1", b"heim", b"heis", b"hevc"];

/// The type of a file from its first bytes (`head`: at least the first [`SNIFF_BYTES`] when the file is that
/// long). `name` only chooses among the flavours of a ZIP (a .docx is a ZIP); a name never makes bytes into
/// something they do not prove, so a page named photo.jpg is still a page.
pub fn sniff(head: &[u8], name: &str) -> FileType {
    if head.is_empty() {
        return FileType::Binary;
    }
    if let Some(file_type) = sniff_magic(head) {
        return if file_type == FileType::Zip { zip_flavour(name) } else { file_type };
    }
    sniff_text(head).unwrap_or(FileType::Binary)
}

/// The types whose first bytes are a fixed signature.
fn sniff_magic(head: &[u8]) -> Option<FileType> {
    let signatures: &[(&[u8], FileType)] = &[
        (JPEG_MAGIC, FileType::Jpeg),
        (PNG_SIGNATURE, FileType::Png),
        (b"GIF87a", FileType::Gif),
        (b"GIF89a", FileType::Gif),
        (b"%PDF-", FileType::Pdf),
        (OLE_MAGIC, FileType::LegacyOffice),
        (GZIP_MAGIC, FileType::Gzip),
        (SEVEN_ZIP_MAGIC, FileType::SevenZip),
        (RAR_MAGIC, FileType::Rar),
        (ZIP_MAGIC, FileType::Zip),
        (EMPTY_ZIP_MAGIC, FileType::Zip),
    ];
    if let Some(&(_, file_type)) = signatures.iter().find(|(magic, _)| head.starts_with(magic)) {
        return Some(file_type);
    }
    if head.starts_with(b"RIFF") && head.get(8..12) == Some(b"WEBP".as_slice()) {
        return Some(FileType::Webp);
    }
    if head.get(4..8) == Some(b"ftyp".as_slice()) {
        let brand = head.get(8..12)?;
        return Some(if HEIC_BRANDS.contains(&brand) { FileType::Heic } else { FileType::Mp4 });
    }
    None
}

/// The office flavour of a ZIP its name claims, or a plain ZIP.
fn zip_flavour(name: &str) -> FileType {
    let extension = name.trim().rsplit_once('.').map_or("", |(_, extension)| extension);
    let flavours = [
        ("docx", FileType::Docx),
        ("xlsx", FileType::Xlsx),
        ("pptx", FileType::Pptx),
        ("odt", FileType::Odt),
        ("ods", FileType::Ods),
    ];
    flavours
        .iter()
        .find(|(flavour, _)| extension.eq_ignore_ascii_case(flavour))
        .map_or(FileType::Zip, |&(_, file_type)| file_type)
}

/// Text, and which markup it is, or `None` for bytes that are not text.
fn sniff_text(head: &[u8]) -> Option<FileType> {
    // UTF-16 comes first: its ASCII characters are half NUL bytes.
    if let Some(text) = utf16_text(head) {
        return Some(markup_type(text.as_bytes()));
    }
    if head.contains(&0) {
        return None;
    }
    let body = head.strip_prefix(UTF8_BOM).unwrap_or(head);
    if let Some(text) = utf8_prefix(body) {
        return mostly_printable_chars(text).then(|| markup_type(body));
    }
    // Not UTF-8: Windows-1252 or Latin-1 (French exports from Excel are), where every byte is a character and
    // only the ASCII control bytes betray a binary file.
    let controls = body.iter().filter(|&&byte| byte.is_ascii_control() && !is_text_whitespace(byte)).count();
    is_mostly_printable(controls, body.len()).then(|| markup_type(body))
}

/// The text of valid UTF-8 bytes, allowing the head to end in the middle of a character.
fn utf8_prefix(bytes: &[u8]) -> Option<&str> {
    match std::str::from_utf8(bytes) {
        Ok(text) => Some(text),
        Err(error) if error.error_len().is_none() => {
            bytes.get(..error.valid_up_to()).and_then(|valid| std::str::from_utf8(valid).ok())
        }
        Err(_) => None,
    }
}

/// The text of UTF-16 bytes that begin with a byte order mark: valid, printable, without NUL characters (the
/// head may end in the middle of a character).
fn utf16_text(head: &[u8]) -> Option<String> {
    let (big_endian, body) = if let Some(body) = head.strip_prefix(&[0xFE, 0xFF]) {
        (true, body)
    } else {
        (false, head.strip_prefix(&[0xFF, 0xFE])?)
    };
    let (pairs, _cut_in_half) = body.as_chunks::<2>();
    let units = pairs.iter().map(|&pair| if big_endian { u16::from_be_bytes(pair) } else { u16::from_le_bytes(pair) });
    let decoded: Vec<_> = char::decode_utf16(units).collect();
    let last = decoded.len().saturating_sub(1);
    let mut text = String::with_capacity(decoded.len());
    for (index, unit) in decoded.into_iter().enumerate() {
        match unit {
            Ok('\0') => return None,
            Ok(character) => text.push(character),
            // The first half of a surrogate pair whose second half is beyond the head.
            Err(_) if index == last => {}
            Err(_) => return None,
        }
    }
    mostly_printable_chars(&text).then_some(text)
}

fn is_text_whitespace(byte: u8) -> bool {
    matches!(byte, b'\t' | b'\r' | b'\n' | 0x0C)
}

fn mostly_printable_chars(text: &str) -> bool {
    let controls = text.chars().filter(|&c| c.is_control() && !u8::try_from(c).is_ok_and(is_text_whitespace)).count();
    is_mostly_printable(controls, text.chars().count())
}

/// At most one control character in ten: real text has a few (form feeds, escapes), binary data many.
fn is_mostly_printable(controls: usize, total: usize) -> bool {
    controls.saturating_mul(10) <= total
}

/// The tags that make a text a page when it starts with one of them (what browsers sniff as HTML).
const HTML_STARTS: &[&[u8]] = &[
    b"<!doctype html",
    b"<html",
    b"<head",
    b"<body",
    b"<script",
    b"<iframe",
    b"<meta",
    b"<style",
    b"<a ",
    b"<a>",
    b"<img",
    b"<div",
    b"<table",
    b"<p>",
    b"<p ",
    b"<title",
    b"<h1",
    b"<font",
    b"<br",
    b"<b>",
    b"<b ",
    b"<form",
    b"<object",
    b"<embed",
    b"<link",
    b"<!--",
];

/// Which text it is: a page, an SVG image, another XML document, or plain text. Only ASCII bytes are compared,
/// so the text may be UTF-8 or Latin-1.
fn markup_type(text: &[u8]) -> FileType {
    let body = text.strip_prefix(UTF8_BOM).unwrap_or(text);
    let start = body.iter().position(|byte| !byte.is_ascii_whitespace()).unwrap_or(body.len());
    let trimmed = body.get(start..).unwrap_or_default();
    if HTML_STARTS.iter().any(|tag| starts_with_ignore_case(trimmed, tag)) {
        return FileType::Html;
    }
    // An SVG usually opens with an XML prolog or a doctype, so the tag is looked for, not expected first.
    if contains_ignore_case(body.get(..SNIFF_BYTES).unwrap_or(body), b"<svg") {
        return FileType::Svg;
    }
    if starts_with_ignore_case(trimmed, b"<?xml") {
        return FileType::Xml;
    }
    // A fragment of markup with a script in it runs as a page whatever its first tag.
    let opens_a_tag = trimmed.first() == Some(&b'<') && trimmed.get(1).is_some_and(u8::is_ascii_alphabetic);
    if opens_a_tag && contains_ignore_case(trimmed, b"<script") {
        return FileType::Html;
    }
    FileType::Text
}

fn starts_with_ignore_case(haystack: &[u8], prefix: &[u8]) -> bool {
    haystack.get(..prefix.len()).is_some_and(|start| start.eq_ignore_ascii_case(prefix))
}

fn contains_ignore_case(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|window| window.eq_ignore_ascii_case(needle))
}

// ---------------------------------------------------------------------------------------------------------------
// Names
// ---------------------------------------------------------------------------------------------------------------

/// The longest name kept, in characters.
pub const MAX_NAME_CHARS: usize = 120;
/// The name of a file whose name leaves nothing once cleaned.
const NAME_WHEN_NONE: &str = "fichier";
/// The longest extension kept when a long name is shortened.
const MAX_EXTENSION_CHARS: usize = 10;

/// A name safe to show and to offer for download: its last path component only, without control or invisible
/// characters (a right-to-left override, U+202E, makes "facture[U+202E]gpj.exe" read as "factureexe.jpg"),
/// without the characters Windows refuses in names, never hidden nor a parent directory, at most
/// [`MAX_NAME_CHARS`] characters with its extension kept.
pub fn sanitize_name(raw: &str) -> String {
    // Browsers on Windows may send the whole path, or "C:\fakepath\" before the name.
    let last_component = raw.rsplit(['/', '\\']).next().unwrap_or_default();
    let mut cleaned = String::with_capacity(last_component.len());
    let mut after_space = false;
    for character in last_component.chars().filter(|&c| !c.is_control() && !is_invisible_format(c)) {
        if character.is_whitespace() {
            if !after_space {
                cleaned.push(' ');
            }
            after_space = true;
            continue;
        }
        after_space = false;
        cleaned.push(if matches!(character, '<' | '>' | ':' | '"' | '|' | '?' | '*' | ';') { '_' } else { character });
    }
    // A leading dot would hide the file (".htaccess") or name a parent (".."); trailing dots and spaces are
    // dropped by Windows and would make two names the same.
    let trimmed = trim_dots_and_spaces(&cleaned);
    let capped = cap_keeping_extension(trimmed);
    if capped.is_empty() { NAME_WHEN_NONE.to_owned() } else { capped }
}

/// Bidi controls and zero-width characters: they change how a name reads without showing.
fn is_invisible_format(character: char) -> bool {
    matches!(
        character,
        '\u{061C}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}'
    )
}

fn trim_dots_and_spaces(name: &str) -> &str {
    name.trim_matches(|c| c == ' ' || c == '.')
}

/// The name shortened to [`MAX_NAME_CHARS`] characters by its stem, so that the type its extension tells
/// survives.
fn cap_keeping_extension(name: &str) -> String {
    if name.chars().count() <= MAX_NAME_CHARS {
        return name.to_owned();
    }
    let extension = name.rsplit_once('.').map(|(_, extension)| extension).filter(|extension| {
        (1..=MAX_EXTENSION_CHARS).contains(&extension.chars().count()) && extension.chars().all(char::is_alphanumeric)
    });
    if let Some(extension) = extension {
        let stem_chars = MAX_NAME_CHARS - 1 - extension.chars().count();
        let stem: String = name.chars().take(stem_chars).collect();
        format!("{}.{extension}", trim_dots_and_spaces(&stem))
    } else {
        let shortened: String = name.chars().take(MAX_NAME_CHARS).collect();
        trim_dots_and_spaces(&shortened).to_owned()
    }
}

/// The `Content-Disposition` header for a file: shown in the page (`inline`) or downloaded. The quoted
/// `filename` is an ASCII fallback for old clients, `filename*` the real name (RFC 6266, RFC 5987). No
/// character of the name reaches the header raw but printable ASCII, so no name can end the header or add one.
pub fn content_disposition(inline: bool, name: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let disposition = if inline { "inline" } else { "attachment" };
    let fallback: String = name
        .chars()
        .map(|c| if c == ' ' || (c.is_ascii_graphic() && c != '"' && c != '\\') { c } else { '_' })
        .collect();
    let mut encoded = String::with_capacity(name.len() * 3);
    for &byte in name.as_bytes() {
        if byte.is_ascii_alphanumeric() || b"!#$&+-.^_`|~".contains(&byte) {
            encoded.push(char::from(byte));
        } else {
            encoded.push('%');
            encoded.push(char::from(HEX[usize::from(byte >> 4)]));
            encoded.push(char::from(HEX[usize::from(byte & 0x0F)]));
        }
    }
    format!("{disposition}; filename=\"{fallback}\"; filename*=UTF-8''{encoded}")
}

// ---------------------------------------------------------------------------------------------------------------
// Photos without their location
// ---------------------------------------------------------------------------------------------------------------

/// How the start of a file changes once its location is removed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MetadataEdit {
    /// Nothing to remove, or nothing we could safely rewrite: the file is stored as it came.
    Unchanged,
    /// The first `head_len` bytes of the file are replaced by `new_head`; what follows stays as it is.
    Replace { head_len: usize, new_head: Vec<u8> },
}

/// The head given ends before the metadata does: call again with more of the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NeedMoreBytes;

impl std::fmt::Display for NeedMoreBytes {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the metadata reaches beyond the bytes read")
    }
}

impl std::error::Error for NeedMoreBytes {}

/// The EXIF tag of the way the camera was held.
pub const ORIENTATION_TAG: u16 = 0x0112;

/// What a photo would tell about where it was taken removed: its EXIF (GPS coordinates), XMP (which repeats
/// them) and, in a JPEG, Photoshop's IPTC block (which may name the place). A JPEG keeps its orientation in a
/// minimal EXIF of its own, so that phone photos are not shown on their side.
///
/// For a JPEG or a PNG, `head` is the start of the file: the edit covers the metadata before the image data
/// (a PNG's text chunks written after its image data are not reached). A WebP may carry its metadata after the
/// image, so its `head` must be the whole file. Other types are left as they are.
pub fn without_location(file_type: FileType, head: &[u8]) -> Result<MetadataEdit, NeedMoreBytes> {
    match file_type {
        FileType::Jpeg => jpeg_without_location(head),
        FileType::Png => png_without_location(head),
        FileType::Webp => webp_without_location(head),
        _ => Ok(MetadataEdit::Unchanged),
    }
}

/// The EXIF orientation of a JPEG (1 to 8), from its first bytes or the whole file.
pub fn orientation(head: &[u8]) -> Option<u8> {
    let walk = jpeg_segments(head);
    walk.segments.iter().find(|segment| segment.is_exif(head)).and_then(|exif| exif_orientation(exif.payload(head)))
}

const MARKER_PREFIX: u8 = 0xFF;
const SOI: u8 = 0xD8;
const EOI: u8 = 0xD9;
const SOS: u8 = 0xDA;
const APP0: u8 = 0xE0;
const APP1: u8 = 0xE1;
/// Photoshop's image resources, where IPTC fields (city, sublocation…) live.
const APP13: u8 = 0xED;
/// Some cameras end the EXIF signature with a byte other than the second NUL; the TIFF data starts after six.
const EXIF_SIGNATURE: &[u8] = b"Exif\0";
const EXIF_HEADER_LEN: usize = 6;
const XMP_SIGNATURE: &[u8] = b"http://ns.adobe.com/xap/1.0/\0";
/// The continuation of an XMP packet too large for one segment.
const EXTENDED_XMP_SIGNATURE: &[u8] = b"http://ns.adobe.com/xmp/extension/\0";
const JFIF_SIGNATURE: &[u8] = b"JFIF\0";
/// What follows the byte order at the start of TIFF data.
const TIFF_MAGIC: u16 = 42;
/// A directory entry: tag, type, count, value or offset.
const TIFF_ENTRY_LEN: usize = 12;
/// The TIFF type of a 16-bit unsigned value.
const TIFF_SHORT: u16 = 3;

/// One marker segment before the image data, its fill bytes included.
struct Segment {
    marker: u8,
    start: usize,
    payload_start: usize,
    end: usize,
}

impl Segment {
    fn bytes<'a>(&self, jpeg: &'a [u8]) -> &'a [u8] {
        jpeg.get(self.start..self.end).unwrap_or_default()
    }

    fn payload<'a>(&self, jpeg: &'a [u8]) -> &'a [u8] {
        jpeg.get(self.payload_start..self.end).unwrap_or_default()
    }

    fn is_exif(&self, jpeg: &[u8]) -> bool {
        self.marker == APP1 && self.payload(jpeg).starts_with(EXIF_SIGNATURE)
    }

    fn carries_location(&self, jpeg: &[u8]) -> bool {
        let payload = self.payload(jpeg);
        match self.marker {
            APP1 if self.is_bare_orientation(jpeg) => false,
            APP1 => [EXIF_SIGNATURE, XMP_SIGNATURE, EXTENDED_XMP_SIGNATURE]
                .iter()
                .any(|signature| payload.starts_with(signature)),
            APP13 => true,
            _ => false,
        }
    }

    /// The EXIF this module leaves: rewriting it again would change nothing.
    fn is_bare_orientation(&self, jpeg: &[u8]) -> bool {
        let payload = self.payload(jpeg);
        exif_orientation(payload).is_some_and(|value| minimal_exif(value).get(4..) == Some(payload))
    }
}

/// How the walk through a JPEG's segments ended.
enum WalkEnd {
    /// At the scan (or the end of the image), starting at this offset.
    ImageData(usize),
    /// The bytes ran out first.
    Truncated,
    /// Something that is not a JPEG's structure.
    Malformed,
}

struct JpegWalk {
    segments: Vec<Segment>,
    end: WalkEnd,
}

/// The segments from the start of image to the scan.
fn jpeg_segments(jpeg: &[u8]) -> JpegWalk {
    let mut segments = Vec::new();
    let end = walk_jpeg(jpeg, &mut segments);
    JpegWalk { segments, end }
}

fn walk_jpeg(jpeg: &[u8], segments: &mut Vec<Segment>) -> WalkEnd {
    match jpeg.get(..2) {
        Some([MARKER_PREFIX, SOI]) => {}
        None if jpeg.first().is_none_or(|&byte| byte == MARKER_PREFIX) => return WalkEnd::Truncated,
        _ => return WalkEnd::Malformed,
    }
    let mut position = 2;
    loop {
        match jpeg.get(position) {
            None => return WalkEnd::Truncated,
            Some(&MARKER_PREFIX) => {}
            Some(_) => return WalkEnd::Malformed,
        }
        // Any number of 0xFF may pad the space before a marker.
        let mut marker_at = position;
        while jpeg.get(marker_at + 1) == Some(&MARKER_PREFIX) {
            marker_at += 1;
        }
        let Some(&marker) = jpeg.get(marker_at + 1) else {
            return WalkEnd::Truncated;
        };
        let after_marker = marker_at + 2;
        match marker {
            SOS | EOI => return WalkEnd::ImageData(position),
            // Markers that stand alone, without a length.
            0x01 | 0xD0..=0xD7 => {
                segments.push(Segment { marker, start: position, payload_start: after_marker, end: after_marker });
                position = after_marker;
            }
            // A stuffed zero belongs in the scan, a second start of image nowhere.
            0x00 | SOI => return WalkEnd::Malformed,
            _ => {
                let Some(&[high, low]) = jpeg.get(after_marker..after_marker + 2) else {
                    return WalkEnd::Truncated;
                };
                // The length counts its own two bytes.
                let length = usize::from(u16::from_be_bytes([high, low]));
                if length < 2 {
                    return WalkEnd::Malformed;
                }
                let end = after_marker + length;
                if end > jpeg.len() {
                    return WalkEnd::Truncated;
                }
                segments.push(Segment { marker, start: position, payload_start: after_marker + 2, end });
                position = end;
            }
        }
    }
}

fn jpeg_without_location(head: &[u8]) -> Result<MetadataEdit, NeedMoreBytes> {
    let walk = jpeg_segments(head);
    let image_data_at = match walk.end {
        WalkEnd::ImageData(at) => at,
        WalkEnd::Truncated => return Err(NeedMoreBytes),
        // A JPEG we cannot follow is still the person's file, and may still open in their viewer: stored as
        // sent rather than refused, and not rewritten, since cutting where we misread would break it.
        WalkEnd::Malformed => return Ok(MetadataEdit::Unchanged),
    };
    let (dropped, kept): (Vec<&Segment>, Vec<&Segment>) =
        walk.segments.iter().partition(|segment| segment.carries_location(head));
    if dropped.is_empty() {
        return Ok(MetadataEdit::Unchanged);
    }
    let turned = dropped
        .iter()
        .find(|segment| segment.is_exif(head))
        .and_then(|exif| exif_orientation(exif.payload(head)))
        .filter(|value| (2..=8).contains(value));
    // A minimal EXIF already there (the file went through here before) keeps the orientation by itself.
    let keeps_an_exif = kept.iter().any(|segment| segment.is_exif(head));
    let orientation_segment = turned.filter(|_| !keeps_an_exif).map(minimal_exif).unwrap_or_default();
    // EXIF belongs right after the start of image, or after JFIF's APP0 when there is one (both formats want
    // to come first; readers expect JFIF then EXIF).
    let jfif =
        kept.iter().position(|segment| segment.marker == APP0 && segment.payload(head).starts_with(JFIF_SIGNATURE));
    let mut new_head = Vec::with_capacity(image_data_at);
    new_head.extend_from_slice(&[MARKER_PREFIX, SOI]);
    if jfif.is_none() {
        new_head.extend_from_slice(&orientation_segment);
    }
    for (index, segment) in kept.iter().enumerate() {
        new_head.extend_from_slice(segment.bytes(head));
        if jfif == Some(index) {
            new_head.extend_from_slice(&orientation_segment);
        }
    }
    Ok(MetadataEdit::Replace { head_len: image_data_at, new_head })
}

/// The orientation in the first directory of an EXIF segment's payload ("Exif\0\0" then TIFF data).
fn exif_orientation(payload: &[u8]) -> Option<u8> {
    let tiff = payload.get(EXIF_HEADER_LEN..)?;
    let big_endian = match tiff.get(..2)? {
        b"MM" => true,
        b"II" => false,
        _ => return None,
    };
    let read_u16 = |bytes: &[u8], at: usize| -> Option<u16> {
        let pair = array_at(bytes, at)?;
        Some(if big_endian { u16::from_be_bytes(pair) } else { u16::from_le_bytes(pair) })
    };
    let read_u32 = |bytes: &[u8], at: usize| -> Option<u32> {
        let quad = array_at(bytes, at)?;
        Some(if big_endian { u32::from_be_bytes(quad) } else { u32::from_le_bytes(quad) })
    };
    if read_u16(tiff, 2)? != TIFF_MAGIC {
        return None;
    }
    let first_directory = usize::try_from(read_u32(tiff, 4)?).ok()?;
    let entry_count = read_u16(tiff, first_directory)?;
    let entries_start = first_directory.checked_add(2)?;
    (0..usize::from(entry_count)).find_map(|index| {
        let entry_start = entries_start.checked_add(index.checked_mul(TIFF_ENTRY_LEN)?)?;
        let entry = tiff.get(entry_start..entry_start.checked_add(TIFF_ENTRY_LEN)?)?;
        if read_u16(entry, 0)? != ORIENTATION_TAG || read_u16(entry, 2)? != TIFF_SHORT || read_u32(entry, 4)? != 1 {
            return None;
        }
        // A SHORT value sits in the first two bytes of the value field, in the file's byte order.
        u8::try_from(read_u16(entry, 8)?).ok().filter(|value| (1..=8).contains(value))
    })
}

/// The `N` bytes at `at`, if the slice holds them.
fn array_at<const N: usize>(bytes: &[u8], at: usize) -> Option<[u8; N]> {
    bytes.get(at..at.checked_add(N)?)?.try_into().ok()
}

/// An APP1 segment holding an EXIF with nothing but the orientation.
fn minimal_exif(orientation: u8) -> Vec<u8> {
    let mut tiff = Vec::with_capacity(26);
    tiff.extend_from_slice(b"MM");
    tiff.extend_from_slice(&TIFF_MAGIC.to_be_bytes());
    // The first directory right after this header, with one entry.
    tiff.extend_from_slice(&8_u32.to_be_bytes());
    tiff.extend_from_slice(&1_u16.to_be_bytes());
    tiff.extend_from_slice(&ORIENTATION_TAG.to_be_bytes());
    tiff.extend_from_slice(&TIFF_SHORT.to_be_bytes());
    tiff.extend_from_slice(&1_u32.to_be_bytes());
    tiff.extend_from_slice(&[0, orientation, 0, 0]);
    // No next directory.
    tiff.extend_from_slice(&0_u32.to_be_bytes());
    let length = 2 + EXIF_HEADER_LEN + tiff.len();
    let mut segment = Vec::with_capacity(2 + length);
    segment.extend_from_slice(&[MARKER_PREFIX, APP1]);
    segment.extend_from_slice(&u16::try_from(length).unwrap_or(u16::MAX).to_be_bytes());
    segment.extend_from_slice(b"Exif\0\0");
    segment.extend_from_slice(&tiff);
    segment
}

/// The PNG chunks that may hold a location: EXIF, and text chunks (XMP travels in an `iTXt`).
const PNG_LOCATION_CHUNKS: &[&[u8; 4]] = &[b"eXIf", b"tEXt", b"zTXt", b"iTXt"];
/// PNG chunk lengths stop at 2³¹ − 1.
const PNG_MAX_CHUNK_LEN: u32 = 0x7FFF_FFFF;

fn png_without_location(head: &[u8]) -> Result<MetadataEdit, NeedMoreBytes> {
    match head.get(..PNG_SIGNATURE.len()) {
        Some(signature) if signature == PNG_SIGNATURE => {}
        Some(_) => return Ok(MetadataEdit::Unchanged),
        None if PNG_SIGNATURE.starts_with(head) => return Err(NeedMoreBytes),
        None => return Ok(MetadataEdit::Unchanged),
    }
    let mut new_head = PNG_SIGNATURE.to_vec();
    let mut dropped = false;
    let mut position = PNG_SIGNATURE.len();
    loop {
        let (Some(length), Some(kind)) = (array_at(head, position), array_at::<4>(head, position + 4)) else {
            return Err(NeedMoreBytes);
        };
        let length = u32::from_be_bytes(length);
        if !kind.iter().all(u8::is_ascii_alphabetic) || length > PNG_MAX_CHUNK_LEN {
            return Ok(MetadataEdit::Unchanged);
        }
        if &kind == b"IDAT" || &kind == b"IEND" {
            break;
        }
        // Length, type, data, CRC.
        let Some(end) = usize::try_from(length).ok().and_then(|length| position.checked_add(12)?.checked_add(length))
        else {
            return Ok(MetadataEdit::Unchanged);
        };
        let Some(chunk) = head.get(position..end) else {
            return Err(NeedMoreBytes);
        };
        if PNG_LOCATION_CHUNKS.contains(&&kind) {
            dropped = true;
        } else {
            new_head.extend_from_slice(chunk);
        }
        position = end;
    }
    Ok(if dropped { MetadataEdit::Replace { head_len: position, new_head } } else { MetadataEdit::Unchanged })
}

/// The VP8X flags telling that EXIF and XMP chunks follow.
const VP8X_EXIF_FLAG: u8 = 0x08;
const VP8X_XMP_FLAG: u8 = 0x04;
const WEBP_HEADER_LEN: usize = 12;

fn webp_without_location(file: &[u8]) -> Result<MetadataEdit, NeedMoreBytes> {
    if file.len() < WEBP_HEADER_LEN {
        let could_be_webp = file.iter().zip(b"RIFF").all(|(byte, expected)| byte == expected);
        return if could_be_webp { Err(NeedMoreBytes) } else { Ok(MetadataEdit::Unchanged) };
    }
    let (Some(riff_size), Some(b"WEBP")) = (array_at(file, 4), file.get(8..12)) else {
        return Ok(MetadataEdit::Unchanged);
    };
    if !file.starts_with(b"RIFF") {
        return Ok(MetadataEdit::Unchanged);
    }
    // The RIFF size counts everything after itself: "WEBP" and the chunks.
    let riff_size = u32::from_le_bytes(riff_size);
    let Some(riff_end) = usize::try_from(riff_size).ok().and_then(|size| size.checked_add(8)) else {
        return Ok(MetadataEdit::Unchanged);
    };
    if riff_end < WEBP_HEADER_LEN {
        return Ok(MetadataEdit::Unchanged);
    }
    let Some(riff) = file.get(..riff_end) else {
        return Err(NeedMoreBytes);
    };
    let mut chunks = Vec::with_capacity(riff.len());
    let mut removed: usize = 0;
    let mut position = WEBP_HEADER_LEN;
    while position < riff_end {
        let (Some(fourcc), Some(size)) = (array_at::<4>(riff, position), array_at(riff, position + 4)) else {
            return Ok(MetadataEdit::Unchanged);
        };
        let size = u32::from_le_bytes(size);
        // Chunk data is padded to an even length; the pad byte is not counted in the size.
        let Some(end) = usize::try_from(size)
            .ok()
            .and_then(|size| size.checked_add(size & 1))
            .and_then(|padded| position.checked_add(8)?.checked_add(padded))
        else {
            return Ok(MetadataEdit::Unchanged);
        };
        let Some(chunk) = riff.get(position..end) else {
            return Ok(MetadataEdit::Unchanged);
        };
        match &fourcc {
            b"EXIF" | b"XMP " => removed += chunk.len(),
            b"VP8X" => {
                let mut extended = chunk.to_vec();
                if let Some(flags) = extended.get_mut(8) {
                    *flags &= !(VP8X_EXIF_FLAG | VP8X_XMP_FLAG);
                }
                chunks.extend_from_slice(&extended);
            }
            _ => chunks.extend_from_slice(chunk),
        }
        position = end;
    }
    if removed == 0 {
        return Ok(MetadataEdit::Unchanged);
    }
    let Some(new_size) = u32::try_from(removed).ok().and_then(|removed| riff_size.checked_sub(removed)) else {
        return Ok(MetadataEdit::Unchanged);
    };
    let mut new_head = Vec::with_capacity(WEBP_HEADER_LEN + chunks.len());
    new_head.extend_from_slice(b"RIFF");
    new_head.extend_from_slice(&new_size.to_le_bytes());
    new_head.extend_from_slice(b"WEBP");
    new_head.extend_from_slice(&chunks);
    Ok(MetadataEdit::Replace { head_len: riff_end, new_head })
}

// ---------------------------------------------------------------------------------------------------------------
// Sizes
// ---------------------------------------------------------------------------------------------------------------

/// How large attachments may be, in bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// One file.
    pub per_file: u64,
    /// All the files of one ticket together.
    pub per_ticket: u64,
}

pub const DEFAULT_LIMITS: Limits = Limits { per_file: 10 * 1024 * 1024, per_ticket: 50 * 1024 * 1024 };

impl Default for Limits {
    fn default() -> Self {
        DEFAULT_LIMITS
    }
}

/// Why a file is refused for its size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum TooLarge {
    /// The file alone is beyond the limit of one file.
    File { limit: u64 },
    /// The ticket already holds `already` bytes, and the file would take it beyond its limit.
    Ticket { limit: u64, already: u64 },
}

impl Limits {
    /// Whether a file of `size` bytes may join a ticket already holding `already_on_ticket` bytes. The file's
    /// own limit is told first: removing other files would not help it.
    pub fn check(&self, size: u64, already_on_ticket: u64) -> Result<(), TooLarge> {
        if size > self.per_file {
            return Err(TooLarge::File { limit: self.per_file });
        }
        if already_on_ticket.saturating_add(size) > self.per_ticket {
            return Err(TooLarge::Ticket { limit: self.per_ticket, already: already_on_ticket });
        }
        Ok(())
    }
}

/// The longest side of an image's preview, in pixels.
pub const PREVIEW_LONGEST_SIDE: u32 = 1280;
/// The longest side of an image's thumbnail, in pixels.
pub const THUMBNAIL_LONGEST_SIDE: u32 = 320;

/// The size of an image of `width` × `height` scaled so its longest side is at most `longest`, keeping its
/// proportions (rounded, never below one pixel). Smaller images keep their size: enlarging only blurs.
pub fn preview_size(width: u32, height: u32, longest: u32) -> (u32, u32) {
    let longest = longest.max(1);
    let long_side = width.max(height);
    if long_side <= longest || width == 0 || height == 0 {
        return (width.min(longest), height.min(longest));
    }
    let scale = |side: u32| -> u32 {
        let scaled = (u64::from(side) * u64::from(longest) + u64::from(long_side) / 2) / u64::from(long_side);
        u32::try_from(scaled).unwrap_or(longest).max(1)
    };
    (scale(width), scale(height))
}

#[cfg(test)]
mod tests;
