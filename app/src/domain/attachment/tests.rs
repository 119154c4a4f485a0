//! Attachments' rules, case by case: sniffing, serving, names, headers, metadata removal, sizes.

use super::*;

// ---------------------------------------------------------------------------------------------------------------
// Building files by hand
// ---------------------------------------------------------------------------------------------------------------

/// The stored file an edit describes: the new head, then the original after the replaced bytes.
fn apply(edit: &MetadataEdit, whole: &[u8]) -> Vec<u8> {
    match edit {
        MetadataEdit::Unchanged => whole.to_vec(),
        MetadataEdit::Replace { head_len, new_head } => {
            let mut stored = new_head.clone();
            stored.extend_from_slice(&whole[*head_len..]);
            stored
        }
    }
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|window| window == needle)
}

fn count(haystack: &[u8], needle: &[u8]) -> usize {
    haystack.windows(needle.len()).filter(|window| *window == needle).count()
}

/// A JPEG marker segment: the marker, its length (counting itself), its payload.
fn segment(marker: u8, payload: &[u8]) -> Vec<u8> {
    let mut bytes = vec![0xFF, marker];
    bytes.extend_from_slice(&u16::try_from(payload.len() + 2).unwrap().to_be_bytes());
    bytes.extend_from_slice(payload);
    bytes
}

/// Writes TIFF numbers in one byte order.
struct Tiff {
    big_endian: bool,
    bytes: Vec<u8>,
}

impl Tiff {
    fn u16(&mut self, value: u16) -> &mut Self {
        let bytes = if self.big_endian { value.to_be_bytes() } else { value.to_le_bytes() };
        self.bytes.extend_from_slice(&bytes);
        self
    }

    fn u32(&mut self, value: u32) -> &mut Self {
        let bytes = if self.big_endian { value.to_be_bytes() } else { value.to_le_bytes() };
        self.bytes.extend_from_slice(&bytes);
        self
    }

    fn raw(&mut self, bytes: &[u8]) -> &mut Self {
        self.bytes.extend_from_slice(bytes);
        self
    }
}

const PLACE: &[u8] = b"Paris 11e";
const XMP_LOCATION: &[u8] = b"exif:GPSLatitude=\"48,51.4N\"";

/// An EXIF payload as a phone writes it: IFD0 with the orientation and a pointer to the GPS directory, which
/// holds the latitude's hemisphere and the place's name.
fn exif_payload(big_endian: bool, orientation: u16) -> Vec<u8> {
    const GPS_DIRECTORY: u32 = 8 + 2 + 2 * 12 + 4;
    const PLACE_AT: u32 = GPS_DIRECTORY + 2 + 2 * 12 + 4;
    let mut tiff = Tiff { big_endian, bytes: Vec::new() };
    tiff.raw(if big_endian { b"MM" } else { b"II" }).u16(42).u32(8);
    tiff.u16(2);
    tiff.u16(ORIENTATION_TAG).u16(3).u32(1).u16(orientation).u16(0);
    tiff.u16(0x8825).u16(4).u32(1).u32(GPS_DIRECTORY);
    tiff.u32(0);
    tiff.u16(2);
    tiff.u16(0x0001).u16(2).u32(2).raw(b"N\0\0\0");
    tiff.u16(0x001C).u16(7).u32(u32::try_from(PLACE.len()).unwrap()).u32(PLACE_AT);
    tiff.u32(0);
    tiff.raw(PLACE);
    let mut payload = b"Exif\0\0".to_vec();
    payload.extend_from_slice(&tiff.bytes);
    payload
}

fn xmp_payload() -> Vec<u8> {
    let mut payload = b"http://ns.adobe.com/xap/1.0/\0".to_vec();
    payload.extend_from_slice(b"<x:xmpmeta><rdf:Description ");
    payload.extend_from_slice(XMP_LOCATION);
    payload.extend_from_slice(b"/></x:xmpmeta>");
    payload
}

fn jfif() -> Vec<u8> {
    segment(0xE0, b"JFIF\0\x01\x02\0\0\x01\0\x01\0\0")
}

fn dqt() -> Vec<u8> {
    let mut table = vec![0];
    table.extend(1..=64);
    segment(0xDB, &table)
}

fn sof0() -> Vec<u8> {
    segment(0xC0, &[8, 0, 16, 0, 16, 1, 1, 0x11, 0])
}

/// The scan header and some entropy-coded data (with a stuffed 0xFF), up to the end of image.
fn scan_and_end() -> Vec<u8> {
    let mut bytes = segment(0xDA, &[1, 1, 0, 0, 0x3F, 0]);
    bytes.extend_from_slice(&[0x12, 0x34, 0xFF, 0x00, 0x56, 0xFF, 0xD0, 0x78, 0xFF, 0xD9]);
    bytes
}

/// SOI, then the segments, then the scan: the offset of the scan and the file.
fn jpeg(segments: &[Vec<u8>]) -> (usize, Vec<u8>) {
    let mut file = vec![0xFF, 0xD8];
    for segment in segments {
        file.extend_from_slice(segment);
    }
    let scan_at = file.len();
    file.extend_from_slice(&scan_and_end());
    (scan_at, file)
}

/// A phone photo: JFIF, EXIF with GPS and orientation 6, XMP, a table, a frame header.
fn phone_photo(big_endian: bool) -> (usize, Vec<u8>) {
    jpeg(&[jfif(), segment(0xE1, &exif_payload(big_endian, 6)), segment(0xE1, &xmp_payload()), dqt(), sof0()])
}

fn png_chunk(kind: &[u8; 4], data: &[u8]) -> Vec<u8> {
    let mut bytes = u32::try_from(data.len()).unwrap().to_be_bytes().to_vec();
    bytes.extend_from_slice(kind);
    bytes.extend_from_slice(data);
    // The CRC is copied, never checked: any four bytes do.
    bytes.extend_from_slice(&[0xDE, 0xAD, 0xBE, 0xEF]);
    bytes
}

/// A PNG: the offset of its first IDAT and the file.
fn png(chunks: &[Vec<u8>]) -> (usize, Vec<u8>) {
    let mut file = PNG_SIGNATURE.to_vec();
    for chunk in chunks {
        file.extend_from_slice(chunk);
    }
    let idat_at = file.len();
    file.extend_from_slice(&png_chunk(b"IDAT", &[0x78, 0x9C, 1, 2, 3]));
    file.extend_from_slice(&png_chunk(b"IEND", &[]));
    (idat_at, file)
}

fn ihdr() -> Vec<u8> {
    png_chunk(b"IHDR", &[0, 0, 0, 16, 0, 0, 0, 16, 8, 6, 0, 0, 0])
}

fn webp_chunk(fourcc: &[u8; 4], data: &[u8]) -> Vec<u8> {
    let mut bytes = fourcc.to_vec();
    bytes.extend_from_slice(&u32::try_from(data.len()).unwrap().to_le_bytes());
    bytes.extend_from_slice(data);
    if data.len() % 2 == 1 {
        bytes.push(0);
    }
    bytes
}

fn webp(chunks: &[Vec<u8>]) -> Vec<u8> {
    let body: Vec<u8> = chunks.concat();
    let mut file = b"RIFF".to_vec();
    file.extend_from_slice(&u32::try_from(body.len() + 4).unwrap().to_le_bytes());
    file.extend_from_slice(b"WEBP");
    file.extend_from_slice(&body);
    file
}

/// Extended WebP flags: EXIF and XMP announced, and alpha (0x10), which must survive.
const VP8X_FLAGS: u8 = 0x10 | 0x08 | 0x04;

fn vp8x() -> Vec<u8> {
    webp_chunk(b"VP8X", &[VP8X_FLAGS, 0, 0, 0, 15, 0, 0, 15, 0, 0])
}

/// A photo as cameras write WebP: the extended header, the image, then EXIF and XMP after it.
fn webp_photo() -> Vec<u8> {
    webp(&[
        vp8x(),
        webp_chunk(b"VP8 ", &[0x10, 0x02, 0, 0x9D, 0x01, 0x2A, 16, 0, 16, 0, 7]),
        webp_chunk(b"EXIF", &exif_payload(false, 6)[6..]),
        webp_chunk(b"XMP ", &xmp_payload()[29..]),
    ])
}

/// Deterministic noise for the never-panics checks.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn bytes(&mut self, len: usize) -> Vec<u8> {
        (0..len).map(|_| self.next().to_le_bytes()[0]).collect()
    }
}

// ---------------------------------------------------------------------------------------------------------------
// The type read from the bytes
// ---------------------------------------------------------------------------------------------------------------

fn with_tail(magic: &[u8]) -> Vec<u8> {
    let mut bytes = magic.to_vec();
    bytes.extend_from_slice(&[0, 1, 2, 3, 0xFF, 0x00, 0x80, 0x7F]);
    bytes
}

#[test]
fn each_signature_tells_its_type() {
    let (_, photo) = phone_photo(false);
    let (_, picture) = png(&[ihdr()]);
    #[rustfmt::skip]
    let cases: &[(&str, Vec<u8>, FileType)] = &[
        ("jpeg", photo, FileType::Jpeg),
        ("bare jpeg magic", with_tail(&[0xFF, 0xD8, 0xFF, 0xE0]), FileType::Jpeg),
        ("png", picture, FileType::Png),
        ("gif87a", with_tail(b"GIF87a"), FileType::Gif),
        ("gif89a", with_tail(b"GIF89a"), FileType::Gif),
        ("webp", webp_photo(), FileType::Webp),
        ("riff that is not webp", with_tail(b"RIFF\x10\0\0\0WAVEfmt "), FileType::Binary),
        ("heic", with_tail(b"\0\0\0\x18ftypheic\0\0\0\0mif1heic"), FileType::Heic),
        ("heif mif1", with_tail(b"\0\0\0\x18ftypmif1\0\0\0\0"), FileType::Heic),
        ("heif sequence", with_tail(b"\0\0\0\x18ftypmsf1\0\0\0\0"), FileType::Heic),
        ("hevc", with_tail(b"\0\0\0\x18ftyphevc\0\0\0\0"), FileType::Heic),
        ("mp4 isom", with_tail(b"\0\0\0\x20ftypisom\0\0\x02\0"), FileType::Mp4),
        ("mp4 mp42", with_tail(b"\0\0\0\x20ftypmp42\0\0\0\0"), FileType::Mp4),
        ("quicktime", with_tail(b"\0\0\0\x14ftypqt  \0\0\0\0"), FileType::Mp4),
        ("m4v", with_tail(b"\0\0\0\x14ftypM4V \0\0\0\0"), FileType::Mp4),
        ("pdf", b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj".to_vec(), FileType::Pdf),
        ("ole", with_tail(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]), FileType::LegacyOffice),
        ("gzip", with_tail(&[0x1F, 0x8B, 0x08]), FileType::Gzip),
        ("7z", with_tail(&[b'7', b'z', 0xBC, 0xAF, 0x27, 0x1C]), FileType::SevenZip),
        ("rar4", with_tail(b"Rar!\x1A\x07\x00"), FileType::Rar),
        ("rar5", with_tail(b"Rar!\x1A\x07\x01\x00"), FileType::Rar),
        ("zip", with_tail(b"PK\x03\x04\x14\0"), FileType::Zip),
        ("empty zip", b"PK\x05\x06\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0".to_vec(), FileType::Zip),
    ];
    for (label, bytes, expected) in cases {
        assert_eq!(sniff(bytes, "fichier"), *expected, "{label}");
    }
}

#[test]
fn the_name_only_chooses_the_flavour_of_a_zip() {
    let zip = with_tail(b"PK\x03\x04\x14\0");
    let empty_zip = b"PK\x05\x06\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0".to_vec();
    let (_, photo) = phone_photo(true);
    #[rustfmt::skip]
    let cases: &[(&str, &[u8], &str, FileType)] = &[
        ("word", &zip, "rapport.docx", FileType::Docx),
        ("excel, upper case", &zip, "BUDGET 2026.XLSX", FileType::Xlsx),
        ("powerpoint", &zip, "présentation.pptx", FileType::Pptx),
        ("writer", &zip, "compte-rendu.odt", FileType::Odt),
        ("calc", &zip, "tableau.ods", FileType::Ods),
        ("an empty zip named as a spreadsheet", &empty_zip, "vide.ods", FileType::Ods),
        ("a zip", &zip, "photos.zip", FileType::Zip),
        ("a zip named as nothing", &zip, "archive", FileType::Zip),
        ("a zip named as an old document", &zip, "lettre.doc", FileType::Zip),
        ("a jpeg named as a document", &photo, "rapport.docx", FileType::Jpeg),
        ("a pdf named as a picture", b"%PDF-1.4\n", "photo.jpg", FileType::Pdf),
        ("a page named as a photo", b"<!DOCTYPE html><html><body>hello</body></html>", "photo.jpg", FileType::Html),
        ("text named as a document", b"Bonjour", "rapport.docx", FileType::Text),
        ("binary named as text", b"\x00\x01\x02\x03", "notes.txt", FileType::Binary),
    ];
    for (label, bytes, name, expected) in cases {
        assert_eq!(sniff(bytes, name), *expected, "{label}");
    }
}

#[test]
fn text_is_told_apart_from_markup() {
    #[rustfmt::skip]
    let cases: &[(&str, &[u8], FileType)] = &[
        ("plain text", b"Bonjour,\nla porte du local ne ferme plus.\n", FileType::Text),
        ("csv", b"ref;date;libelle\r\n1;2026-01-02;Fuite\r\n", FileType::Text),
        ("utf-8 with accents", "Libellé;Coût\r\nÉlectricité;12,50 €\r\n".as_bytes(), FileType::Text),
        ("utf-8 with a bom", b"\xEF\xBB\xBFref;libelle\r\n", FileType::Text),
        ("a form feed and tabs are text", b"col1\tcol2\x0cpage 2\n", FileType::Text),
        ("doctype", b"<!DOCTYPE html>\n<html lang=\"fr\">", FileType::Html),
        ("doctype, lower case, after blank lines", b"\n\n   <!doctype HTML>", FileType::Html),
        ("html", b"<HTML><BODY>", FileType::Html),
        ("head", b"<head><title>x</title></head>", FileType::Html),
        ("body", b"<body onload=alert(1)>", FileType::Html),
        ("script", b"<script>alert(document.cookie)</script>", FileType::Html),
        ("iframe", b"<iframe src=//example.org>", FileType::Html),
        ("meta", b"<meta http-equiv=refresh content=0;url=//example.org>", FileType::Html),
        ("style", b"<style>body{}</style>", FileType::Html),
        ("link", b"<a href=\"//example.org\">ici</a>", FileType::Html),
        ("img", b"<img src=x onerror=alert(1)>", FileType::Html),
        ("div", b"<div>", FileType::Html),
        ("table", b"<table><tr><td>1</td></tr></table>", FileType::Html),
        ("paragraph", b"<p>Bonjour</p>", FileType::Html),
        ("comment", b"<!-- saved from url=(0014)about:internet -->", FileType::Html),
        ("html after a bom", b"\xEF\xBB\xBF<html>", FileType::Html),
        ("any tag with a script further on",
            b"<custom-element>\n<x>texte</x>\n<SCRIPT src=x></SCRIPT>", FileType::Html),
        ("svg after an xml prolog",
            b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>", FileType::Svg),
        ("svg after a doctype",
            b"<?xml version=\"1.0\"?>\n<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\">\n<SVG>", FileType::Svg),
        ("bare svg", b"<svg viewBox=\"0 0 10 10\"><script>alert(1)</script></svg>", FileType::Svg),
        ("xml", b"<?xml version=\"1.0\"?>\n<facture><total>12</total></facture>", FileType::Xml),
        ("xml with a bom", b"\xEF\xBB\xBF<?xml version=\"1.0\"?><a/>", FileType::Xml),
        ("text speaking of scripts is text", b"Le fichier <script> du site ne charge pas", FileType::Text),
        ("an angle bracket that opens no tag", b"< 3 jours", FileType::Text),
        ("a comparison", b"a<b et b>c", FileType::Text),
    ];
    for (label, bytes, expected) in cases {
        assert_eq!(sniff(bytes, "notes.txt"), *expected, "{label}");
    }
}

#[test]
fn svg_is_found_anywhere_in_the_first_8_kib() {
    let mut within = b"<?xml version=\"1.0\"?>\n<!-- ".to_vec();
    within.extend(std::iter::repeat_n(b'x', 7000));
    within.extend_from_slice(b" -->\n<svg/>");
    assert_eq!(sniff(&within, "dessin.xml"), FileType::Svg);

    let mut beyond = b"<?xml version=\"1.0\"?>\n<!-- ".to_vec();
    beyond.extend(std::iter::repeat_n(b'x', 9000));
    beyond.extend_from_slice(b" -->\n<svg/>");
    assert_eq!(sniff(&beyond, "dessin.xml"), FileType::Xml);
}

#[test]
fn windows_1252_and_utf_16_text_are_text() {
    // "Libellé;Coût" as Excel saves a French CSV: é is 0xE9, û 0xFB, € 0x80, ’ 0x92.
    let windows_1252: &[u8] = b"Libell\xE9;Co\xFBt\r\nLoyer d\x92avril;12,50 \x80\r\n";
    assert_eq!(sniff(windows_1252, "export.csv"), FileType::Text);
    assert_eq!(sniff(b"<html><body>Num\xE9ro</body></html>", "page.txt"), FileType::Html);

    let utf16 = |text: &str, big_endian: bool| -> Vec<u8> {
        let mut bytes = if big_endian { vec![0xFE, 0xFF] } else { vec![0xFF, 0xFE] };
        for unit in text.encode_utf16() {
            bytes.extend_from_slice(&if big_endian { unit.to_be_bytes() } else { unit.to_le_bytes() });
        }
        bytes
    };
    assert_eq!(sniff(&utf16("Libellé;Coût\r\n1;2\r\n", false), "export.csv"), FileType::Text);
    assert_eq!(sniff(&utf16("Libellé;Coût\r\n1;2\r\n", true), "export.csv"), FileType::Text);
    assert_eq!(sniff(&utf16("<html><script>alert(1)</script>", false), "a.txt"), FileType::Html);
    assert_eq!(sniff(&utf16("<?xml version=\"1.0\"?><svg/>", true), "a.txt"), FileType::Svg);
    // Cut in the middle of a character or of a surrogate pair, as a head may be.
    let mut cut = utf16("Réunion 📅", false);
    cut.pop();
    assert_eq!(sniff(&cut, "a.txt"), FileType::Text);
    cut.truncate(cut.len() - 2);
    assert_eq!(sniff(&cut, "a.txt"), FileType::Text);
    // A byte order mark before what is no UTF-16 text.
    assert_eq!(sniff(&[0xFF, 0xFE, 0x00, 0xD8, 0x41, 0x00], "a.txt"), FileType::Binary);
    assert_eq!(sniff(&[0xFF, 0xFE, 0x00, 0x00, 0x41, 0x00], "a.txt"), FileType::Binary);
}

#[test]
fn a_head_cut_in_the_middle_of_a_character_is_still_text() {
    let text = "Le chauffage est en panne depuis lundi — merci".as_bytes();
    let dash = text.iter().position(|&byte| byte == 0xE2).unwrap();
    for cut in dash + 1..dash + 3 {
        assert_eq!(sniff(&text[..cut], "a.txt"), FileType::Text, "cut at {cut}");
    }
    // Invalid in the middle is no UTF-8, but still printable Latin-1.
    assert_eq!(sniff(b"caf\xE9 cr\xE8me", "a.txt"), FileType::Text);
}

#[test]
fn bytes_that_are_no_text_are_binary() {
    #[rustfmt::skip]
    let cases: &[(&str, &[u8])] = &[
        ("empty", b""),
        ("nul bytes", b"abc\0def\0"),
        ("a single nul", b"\0"),
        ("control bytes", b"\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f\x10abc"),
        ("latin-1 with many controls", b"\x01\x02\xE9\x03\x04\xE8\x05\x06"),
        ("an ftyp box cut before its brand", b"\0\0\0\x18ftyp"),
    ];
    for (label, bytes) in cases {
        assert_eq!(sniff(bytes, "a.txt"), FileType::Binary, "{label}");
    }
}

// ---------------------------------------------------------------------------------------------------------------
// Serving
// ---------------------------------------------------------------------------------------------------------------

#[test]
fn no_type_is_ever_served_as_something_a_browser_renders_as_a_page() {
    for &file_type in FileType::ALL {
        let served = file_type.served_as();
        for forbidden in ["text/html", "image/svg+xml", "application/xml", "text/xml", "xhtml"] {
            assert!(!served.contains(forbidden), "{file_type:?} served as {served}");
        }
        assert!(!served.contains(['\r', '\n']), "{file_type:?}");
    }
    assert_eq!(FileType::Html.served_as(), "application/octet-stream");
    assert_eq!(FileType::Svg.served_as(), "application/octet-stream");
    assert_eq!(FileType::Xml.served_as(), "application/octet-stream");
    assert_eq!(FileType::Text.served_as(), "text/plain; charset=utf-8");
    assert_eq!(FileType::Jpeg.served_as(), "image/jpeg");
    assert_eq!(FileType::Pdf.served_as(), "application/pdf");
    assert_eq!(FileType::Docx.served_as(), FileType::Docx.code());
}

#[test]
fn only_raster_images_browsers_decode_safely_are_shown_inline() {
    let inline: Vec<FileType> = FileType::ALL.iter().copied().filter(|t| t.is_inline_image()).collect();
    assert_eq!(inline, [FileType::Jpeg, FileType::Png, FileType::Gif, FileType::Webp]);
    let previewable: Vec<FileType> = FileType::ALL.iter().copied().filter(|t| t.is_previewable()).collect();
    assert_eq!(previewable, inline);
    for file_type in FileType::ALL.iter().filter(|t| t.is_inline_image()) {
        assert!(file_type.served_as().starts_with("image/"), "{file_type:?}");
    }
}

#[test]
fn codes_are_mime_types_and_round_trip() {
    for &file_type in FileType::ALL {
        assert_eq!(FileType::from_code(file_type.code()), Some(file_type));
        assert_eq!(file_type.to_string().parse::<FileType>(), Ok(file_type));
        assert!(file_type.code().contains('/'), "{file_type:?}");
        assert_eq!(FileType::ALL.iter().filter(|other| other.code() == file_type.code()).count(), 1);
    }
    assert_eq!(FileType::ALL.len(), 22);
}

#[test]
fn extensions() {
    #[rustfmt::skip]
    let cases: &[(FileType, Option<&str>)] = &[
        (FileType::Jpeg, Some("jpg")), (FileType::Png, Some("png")), (FileType::Webp, Some("webp")),
        (FileType::Docx, Some("docx")), (FileType::Gzip, Some("gz")), (FileType::SevenZip, Some("7z")),
        (FileType::Text, Some("txt")), (FileType::Svg, Some("svg")),
        (FileType::LegacyOffice, None), (FileType::Binary, None),
    ];
    for (file_type, expected) in cases {
        assert_eq!(file_type.extension(), *expected, "{file_type:?}");
    }
}

// ---------------------------------------------------------------------------------------------------------------
// Names
// ---------------------------------------------------------------------------------------------------------------

#[test]
fn names_are_made_safe() {
    #[rustfmt::skip]
    let cases: &[(&str, &str, &str)] = &[
        ("a plain name", "photo.jpg", "photo.jpg"),
        ("accents kept", "Compte-rendu réunion.pdf", "Compte-rendu réunion.pdf"),
        ("windows fake path", "C:\\fakepath\\photo.jpg", "photo.jpg"),
        ("a full windows path", "C:\\Users\\marie\\Documents\\devis.pdf", "devis.pdf"),
        ("a climb to the parent", "../../etc/passwd", "passwd"),
        ("mixed separators", "a/b\\c/d.txt", "d.txt"),
        ("the parent itself", "..", "fichier"),
        ("three dots", "...", "fichier"),
        ("a hidden file", ".htaccess", "htaccess"),
        ("a hidden file behind a space", " .htaccess", "htaccess"),
        ("trailing dots and spaces", "devis.pdf. . ", "devis.pdf"),
        ("a right-to-left override", "facture\u{202E}gpj.exe", "facturegpj.exe"),
        ("isolates and marks", "\u{2067}a\u{2069}\u{200E}b\u{061C}.txt", "ab.txt"),
        ("zero-width characters", "fac\u{200B}ture\u{2060}\u{FEFF}.pdf", "facture.pdf"),
        ("windows reserved characters", "a<b>.txt", "a_b_.txt"),
        ("every reserved character", "a:b\"c|d?e*f;g.txt", "a_b_c_d_e_f_g.txt"),
        ("nul and line breaks", "fac\0ture\r\n.pdf", "facture.pdf"),
        ("a header injection", "a.pdf\r\nSet-Cookie: x=1", "a.pdfSet-Cookie_ x=1"),
        ("runs of blanks", "mon   \u{00A0} fichier\u{3000}final.docx", "mon fichier final.docx"),
        ("tabs are control characters", "a\tb.txt", "ab.txt"),
        ("empty", "", "fichier"),
        ("blank", "   ", "fichier"),
        ("only a path", "C:\\fakepath\\", "fichier"),
        ("only invisible characters", "\u{202E}\u{200B}", "fichier"),
    ];
    for (label, raw, expected) in cases {
        let sanitized = sanitize_name(raw);
        assert_eq!(sanitized, *expected, "{label}");
        assert_eq!(sanitize_name(&sanitized), sanitized, "{label}: cleaning twice changes nothing");
    }
}

#[test]
fn long_names_are_shortened_by_their_stem() {
    let long_pdf = format!("{}.pdf", "rapport annuel ".repeat(20));
    let shortened = sanitize_name(&long_pdf);
    assert!(shortened.chars().count() <= MAX_NAME_CHARS, "{shortened}");
    assert!(shortened.ends_with(".pdf"), "{shortened}");
    assert!(!shortened.contains(" .pdf"), "{shortened}");
    assert!(shortened.starts_with("rapport annuel rapport"));

    let accented = format!("{}.docx", "é".repeat(300));
    let shortened = sanitize_name(&accented);
    assert_eq!(shortened.chars().count(), MAX_NAME_CHARS);
    assert!(shortened.ends_with("é.docx"));

    // No extension worth keeping: the name is simply cut.
    let no_extension = "a".repeat(300);
    assert_eq!(sanitize_name(&no_extension), "a".repeat(MAX_NAME_CHARS));
    let odd_extension = format!("{}.{}", "a".repeat(200), "b".repeat(50));
    assert_eq!(sanitize_name(&odd_extension), "a".repeat(MAX_NAME_CHARS));
    assert_eq!(sanitize_name(&format!("{}.pdf", "x".repeat(116))).chars().count(), MAX_NAME_CHARS);
}

#[test]
fn content_disposition_never_carries_the_name_raw() {
    #[rustfmt::skip]
    let cases: &[(bool, &str, &str)] = &[
        (true, "photo.jpg", "inline; filename=\"photo.jpg\"; filename*=UTF-8''photo.jpg"),
        (false, "devis 2026.pdf", "attachment; filename=\"devis 2026.pdf\"; filename*=UTF-8''devis%202026.pdf"),
        (false, "réunion.pdf", "attachment; filename=\"r_union.pdf\"; filename*=UTF-8''r%C3%A9union.pdf"),
        (false, "a\"b\\c.txt", "attachment; filename=\"a_b_c.txt\"; filename*=UTF-8''a%22b%5Cc.txt"),
        (false, "x.pdf\r\nSet-Cookie: a=1",
            "attachment; filename=\"x.pdf__Set-Cookie: a=1\"; filename*=UTF-8''x.pdf%0D%0ASet-Cookie%3A%20a%3D1"),
        (false, "!#$&+-.^_`|~", "attachment; filename=\"!#$&+-.^_`|~\"; filename*=UTF-8''!#$&+-.^_`|~"),
        (false, "a;b=c%.txt", "attachment; filename=\"a;b=c%.txt\"; filename*=UTF-8''a%3Bb%3Dc%25.txt"),
    ];
    for (inline, name, expected) in cases {
        assert_eq!(content_disposition(*inline, name), *expected, "{name:?}");
    }
    let mut noise = XorShift(0x5EED);
    for _ in 0..200 {
        let name: String =
            (0..20).filter_map(|_| char::from_u32(u32::try_from(noise.next() % 0x3000).unwrap())).collect();
        let header = content_disposition(false, &name);
        assert!(header.chars().all(|c| c == ' ' || c.is_ascii_graphic()), "{header:?}");
        assert_eq!(header.matches('"').count(), 2, "{header:?}");
    }
}

// ---------------------------------------------------------------------------------------------------------------
// Photos without their location
// ---------------------------------------------------------------------------------------------------------------

fn replaced(edit: &MetadataEdit) -> (usize, &[u8]) {
    match edit {
        MetadataEdit::Replace { head_len, new_head } => (*head_len, new_head),
        MetadataEdit::Unchanged => panic!("expected a rewritten head"),
    }
}

#[test]
fn a_phone_photo_loses_its_location_and_keeps_its_orientation() {
    for big_endian in [false, true] {
        let (scan_at, photo) = phone_photo(big_endian);
        assert_eq!(orientation(&photo), Some(6));
        let edit = without_location(FileType::Jpeg, &photo).unwrap();
        let (head_len, new_head) = replaced(&edit);
        assert_eq!(head_len, scan_at);
        let stored = apply(&edit, &photo);

        assert!(!contains(&stored, PLACE), "the GPS directory is gone");
        assert!(!contains(&stored, XMP_LOCATION), "the XMP is gone");
        assert!(!contains(&stored, b"http://ns.adobe.com"));
        assert_eq!(count(&stored, b"Exif\0\0"), 1, "only the minimal EXIF");
        assert_eq!(orientation(new_head), Some(6));
        assert_eq!(orientation(&stored), Some(6));
        // SOI, JFIF, the orientation, the table and the frame header, then the scan as it was.
        let mut expected = vec![0xFF, 0xD8];
        expected.extend_from_slice(&jfif());
        expected.extend_from_slice(&minimal_exif(6));
        expected.extend_from_slice(&dqt());
        expected.extend_from_slice(&sof0());
        assert_eq!(new_head, expected.as_slice());
        assert!(stored.ends_with(&photo[scan_at..]));
        // The rewritten file needs nothing more.
        assert_eq!(without_location(FileType::Jpeg, &stored), Ok(MetadataEdit::Unchanged));
    }
}

#[test]
fn the_minimal_exif_is_a_valid_big_endian_tiff() {
    let exif = minimal_exif(8);
    assert_eq!(&exif[..4], &[0xFF, 0xE1, 0x00, 0x22]);
    assert_eq!(exif.len(), 2 + 0x22);
    assert_eq!(&exif[4..14], b"Exif\0\0MM\0\x2A");
    assert_eq!(exif_orientation(&exif[4..]), Some(8));
}

#[test]
fn the_orientation_goes_right_after_the_start_without_jfif() {
    let (scan_at, photo) = jpeg(&[segment(0xE1, &exif_payload(false, 3)), dqt()]);
    let edit = without_location(FileType::Jpeg, &photo).unwrap();
    let mut expected = vec![0xFF, 0xD8];
    expected.extend_from_slice(&minimal_exif(3));
    expected.extend_from_slice(&dqt());
    assert_eq!(edit, MetadataEdit::Replace { head_len: scan_at, new_head: expected });
}

#[test]
fn an_upright_photo_keeps_no_exif_at_all() {
    let (scan_at, photo) = jpeg(&[jfif(), segment(0xE1, &exif_payload(true, 1)), dqt()]);
    let edit = without_location(FileType::Jpeg, &photo).unwrap();
    let mut expected = vec![0xFF, 0xD8];
    expected.extend_from_slice(&jfif());
    expected.extend_from_slice(&dqt());
    assert_eq!(edit, MetadataEdit::Replace { head_len: scan_at, new_head: expected });
}

#[test]
fn a_photo_already_cleaned_keeps_its_one_minimal_exif() {
    let (scan_at, photo) = jpeg(&[minimal_exif(6), segment(0xE1, &exif_payload(false, 6)), dqt()]);
    let edit = without_location(FileType::Jpeg, &photo).unwrap();
    let mut expected = vec![0xFF, 0xD8];
    expected.extend_from_slice(&minimal_exif(6));
    expected.extend_from_slice(&dqt());
    assert_eq!(edit, MetadataEdit::Replace { head_len: scan_at, new_head: expected });
}

#[test]
fn photoshop_blocks_and_extended_xmp_go_too() {
    let mut extended_xmp = b"http://ns.adobe.com/xmp/extension/\0".to_vec();
    extended_xmp.extend_from_slice(XMP_LOCATION);
    let (_, photo) = jpeg(&[
        jfif(),
        segment(0xED, b"Photoshop 3.0\08BIM\x04\x04\0\0\0\0\0\x0fParis 11e......"),
        segment(0xE1, &extended_xmp),
        segment(0xE2, b"ICC_PROFILE\0\x01\x01profile"),
        dqt(),
    ]);
    let stored = apply(&without_location(FileType::Jpeg, &photo).unwrap(), &photo);
    assert!(!contains(&stored, PLACE));
    assert!(!contains(&stored, XMP_LOCATION));
    assert!(contains(&stored, b"ICC_PROFILE"), "the colour profile stays");
    assert_eq!(orientation(&stored), None);
}

#[test]
fn fill_bytes_before_markers_are_followed() {
    let mut padded_exif = vec![0xFF, 0xFF];
    padded_exif.extend_from_slice(&segment(0xE1, &exif_payload(false, 6)));
    let mut padded_scan = vec![0xFF, 0xFF, 0xFF];
    padded_scan.extend_from_slice(&scan_and_end());
    let mut photo = vec![0xFF, 0xD8];
    photo.extend_from_slice(&jfif());
    photo.extend_from_slice(&padded_exif);
    photo.extend_from_slice(&dqt());
    let scan_at = photo.len();
    photo.extend_from_slice(&padded_scan);

    assert_eq!(orientation(&photo), Some(6));
    let edit = without_location(FileType::Jpeg, &photo).unwrap();
    assert_eq!(replaced(&edit).0, scan_at);
    let stored = apply(&edit, &photo);
    assert!(!contains(&stored, PLACE));
    assert!(stored.ends_with(&padded_scan));
}

#[test]
fn restart_markers_and_other_segments_are_kept() {
    let (scan_at, photo) = jpeg(&[jfif(), vec![0xFF, 0xD0], vec![0xFF, 0x01], segment(0xE1, &xmp_payload()), dqt()]);
    let edit = without_location(FileType::Jpeg, &photo).unwrap();
    let (head_len, new_head) = replaced(&edit);
    assert_eq!(head_len, scan_at);
    assert!(contains(new_head, &[0xFF, 0xD0, 0xFF, 0x01]));
    assert!(!contains(new_head, XMP_LOCATION));
}

#[test]
fn jpegs_without_location_are_left_alone() {
    let (_, plain) = jpeg(&[jfif(), dqt(), sof0()]);
    assert_eq!(without_location(FileType::Jpeg, &plain), Ok(MetadataEdit::Unchanged));
    assert_eq!(orientation(&plain), None);
    let (_, bare) = jpeg(&[]);
    assert_eq!(without_location(FileType::Jpeg, &bare), Ok(MetadataEdit::Unchanged));
}

#[test]
fn a_head_that_ends_before_the_scan_asks_for_more() {
    let (scan_at, photo) = phone_photo(false);
    let whole = without_location(FileType::Jpeg, &photo).unwrap();
    // The scan is known once its marker (two bytes) is read; every shorter head asks for more, every longer
    // one gives the same edit.
    for len in 0..photo.len() {
        let edit = without_location(FileType::Jpeg, &photo[..len]);
        if len < scan_at + 2 {
            assert_eq!(edit, Err(NeedMoreBytes), "head of {len} bytes");
        } else {
            assert_eq!(edit.as_ref(), Ok(&whole), "head of {len} bytes");
        }
    }
}

#[test]
fn jpegs_we_cannot_follow_are_stored_as_they_came() {
    let exif = segment(0xE1, &exif_payload(false, 6));
    let with = |between: &[u8]| -> Vec<u8> {
        let mut photo = vec![0xFF, 0xD8];
        photo.extend_from_slice(&exif);
        photo.extend_from_slice(between);
        photo.extend_from_slice(&scan_and_end());
        photo
    };
    #[rustfmt::skip]
    let cases: &[(&str, Vec<u8>)] = &[
        ("a length below two", with(&[0xFF, 0xDB, 0x00, 0x01])),
        ("a length of zero", with(&[0xFF, 0xDB, 0x00, 0x00])),
        ("garbage where a marker belongs", with(&[0x00, 0x12])),
        ("a stuffed zero before the scan", with(&[0xFF, 0x00])),
        ("a second start of image", with(&[0xFF, 0xD8])),
        ("no start of image", exif.clone()),
        ("a start of image then text", b"\xFF\xD8hello".to_vec()),
    ];
    for (label, photo) in cases {
        assert_eq!(without_location(FileType::Jpeg, photo), Ok(MetadataEdit::Unchanged), "{label}");
    }
    assert_eq!(without_location(FileType::Jpeg, b"\xFF"), Err(NeedMoreBytes));
    assert_eq!(without_location(FileType::Jpeg, b"\x00"), Ok(MetadataEdit::Unchanged));
}

#[test]
fn broken_exif_gives_no_orientation_but_is_still_removed() {
    let mut broken_payloads = Vec::new();
    // The orientation entry ends at byte 28 of the payload: every cut before it loses the entry.
    for cut in [6, 7, 8, 10, 12, 14, 20, 27] {
        broken_payloads.push(exif_payload(false, 6)[..cut].to_vec());
    }
    let mut bad_magic = exif_payload(true, 6);
    bad_magic[9] = 43;
    broken_payloads.push(bad_magic);
    let mut far_directory = exif_payload(true, 6);
    far_directory[10..14].copy_from_slice(&u32::MAX.to_be_bytes());
    broken_payloads.push(far_directory);
    let mut wrong_type = exif_payload(false, 6);
    wrong_type[18] = 4;
    broken_payloads.push(wrong_type);
    let mut out_of_range = exif_payload(false, 6);
    out_of_range[24] = 9;
    broken_payloads.push(out_of_range);
    for payload in broken_payloads {
        let (_, photo) = jpeg(&[segment(0xE1, &payload)]);
        assert_eq!(orientation(&photo), None, "{payload:02X?}");
        let stored = apply(&without_location(FileType::Jpeg, &photo).unwrap(), &photo);
        assert!(!contains(&stored, b"Exif"), "{payload:02X?}");
    }
}

#[test]
fn a_png_loses_its_exif_and_text_chunks() {
    let chunks = [
        ihdr(),
        png_chunk(b"eXIf", &exif_payload(true, 6)[6..]),
        png_chunk(b"sRGB", &[0]),
        png_chunk(b"tEXt", b"Comment\0Paris 11e"),
        png_chunk(b"zTXt", b"Raw profile\0\0compressed"),
        png_chunk(b"iTXt", b"XML:com.adobe.xmp\0\0\0\0\0<x:xmpmeta/>"),
        png_chunk(b"pHYs", &[0, 0, 0x0B, 0x13, 0, 0, 0x0B, 0x13, 1]),
    ];
    let (idat_at, picture) = png(&chunks);
    let edit = without_location(FileType::Png, &picture).unwrap();
    let (head_len, new_head) = replaced(&edit);
    assert_eq!(head_len, idat_at);
    let mut expected = PNG_SIGNATURE.to_vec();
    expected.extend_from_slice(&ihdr());
    expected.extend_from_slice(&png_chunk(b"sRGB", &[0]));
    expected.extend_from_slice(&png_chunk(b"pHYs", &[0, 0, 0x0B, 0x13, 0, 0, 0x0B, 0x13, 1]));
    assert_eq!(new_head, expected.as_slice());
    let stored = apply(&edit, &picture);
    assert!(!contains(&stored, PLACE));
    assert!(stored.ends_with(&picture[idat_at..]));
    assert_eq!(sniff(&stored, "capture.png"), FileType::Png);
    assert_eq!(without_location(FileType::Png, &stored), Ok(MetadataEdit::Unchanged));

    for len in 0..picture.len() {
        let edit = without_location(FileType::Png, &picture[..len]);
        if len < idat_at + 8 {
            assert_eq!(edit, Err(NeedMoreBytes), "head of {len} bytes");
        } else {
            assert!(matches!(edit, Ok(MetadataEdit::Replace { head_len, .. }) if head_len == idat_at));
        }
    }
}

#[test]
fn pngs_without_location_or_that_we_cannot_follow_are_left_alone() {
    let (_, plain) = png(&[ihdr(), png_chunk(b"gAMA", &[0, 0, 0xB1, 0x8F])]);
    assert_eq!(without_location(FileType::Png, &plain), Ok(MetadataEdit::Unchanged));
    let mut bad_type = PNG_SIGNATURE.to_vec();
    bad_type.extend_from_slice(&png_chunk(b"tE\0t", b"x"));
    bad_type.extend_from_slice(&png_chunk(b"IDAT", b"x"));
    assert_eq!(without_location(FileType::Png, &bad_type), Ok(MetadataEdit::Unchanged));
    let mut huge = PNG_SIGNATURE.to_vec();
    huge.extend_from_slice(&[0xFF, 0xFF, 0xFF, 0xFF]);
    huge.extend_from_slice(b"tEXt");
    assert_eq!(without_location(FileType::Png, &huge), Ok(MetadataEdit::Unchanged));
    assert_eq!(without_location(FileType::Png, b"\x89PNG\r\n\x1a\x0b"), Ok(MetadataEdit::Unchanged));
}

#[test]
fn a_webp_loses_its_exif_and_xmp_and_says_so_in_its_header() {
    let photo = webp_photo();
    let edit = without_location(FileType::Webp, &photo).unwrap();
    let (head_len, new_head) = replaced(&edit);
    assert_eq!(head_len, photo.len());
    let expected = webp(&[
        webp_chunk(b"VP8X", &[0x10, 0, 0, 0, 15, 0, 0, 15, 0, 0]),
        webp_chunk(b"VP8 ", &[0x10, 0x02, 0, 0x9D, 0x01, 0x2A, 16, 0, 16, 0, 7]),
    ]);
    assert_eq!(new_head, expected.as_slice());
    let riff_size = u32::from_le_bytes(new_head[4..8].try_into().unwrap());
    assert_eq!(usize::try_from(riff_size).unwrap() + 8, new_head.len());
    let old_size = u32::from_le_bytes(photo[4..8].try_into().unwrap());
    let removed = photo.len() - new_head.len();
    assert_eq!(riff_size, old_size - u32::try_from(removed).unwrap());
    assert_eq!(new_head[20] & 0x0C, 0, "EXIF and XMP flags cleared");
    assert_eq!(new_head[20] & 0x10, 0x10, "alpha flag kept");
    assert!(!contains(new_head, b"EXIF") && !contains(new_head, PLACE) && !contains(new_head, XMP_LOCATION));
    assert_eq!(sniff(new_head, "photo.webp"), FileType::Webp);
    // Bytes after the RIFF are left after the new head.
    let mut trailing = photo.clone();
    trailing.extend_from_slice(b"junk");
    let stored = apply(&without_location(FileType::Webp, &trailing).unwrap(), &trailing);
    assert_eq!(stored, [expected.as_slice(), b"junk"].concat());
}

#[test]
fn a_webp_must_be_read_whole() {
    let photo = webp_photo();
    for len in 0..photo.len() {
        assert_eq!(without_location(FileType::Webp, &photo[..len]), Err(NeedMoreBytes), "head of {len} bytes");
    }
}

#[test]
fn webps_without_location_or_that_we_cannot_follow_are_left_alone() {
    let simple = webp(&[webp_chunk(b"VP8L", &[0x2F, 0, 0, 0, 0])]);
    let with_flags_only = webp(&[vp8x(), webp_chunk(b"VP8L", &[0x2F, 0, 0, 0, 0])]);
    let mut overrunning_chunk = webp(&[webp_chunk(b"EXIF", b"abcd")]);
    overrunning_chunk[16] = 0x40;
    let mut dangling_bytes = webp(&[webp_chunk(b"EXIF", b"abcd")]);
    dangling_bytes.extend_from_slice(b"XY");
    let riff_size = u32::try_from(dangling_bytes.len() - 8).unwrap();
    dangling_bytes[4..8].copy_from_slice(&riff_size.to_le_bytes());
    let mut tiny_size = webp(&[]);
    tiny_size[4..8].copy_from_slice(&2_u32.to_le_bytes());
    #[rustfmt::skip]
    let cases: &[(&str, &[u8])] = &[
        ("no metadata", &simple),
        ("flags but no chunk", &with_flags_only),
        ("a chunk beyond the file", &overrunning_chunk),
        ("bytes that make no chunk", &dangling_bytes),
        ("a riff size too small", &tiny_size),
        ("a wave file", b"RIFF\x04\0\0\0WAVE"),
        ("no riff", b"RIFX\x04\0\0\0WEBP"),
    ];
    for (label, file) in cases {
        assert_eq!(without_location(FileType::Webp, file), Ok(MetadataEdit::Unchanged), "{label}");
    }
}

#[test]
fn other_types_are_never_rewritten() {
    let (_, photo) = phone_photo(false);
    for &file_type in FileType::ALL {
        if !matches!(file_type, FileType::Jpeg | FileType::Png | FileType::Webp) {
            assert_eq!(without_location(file_type, &photo), Ok(MetadataEdit::Unchanged), "{file_type:?}");
        }
    }
}

#[test]
fn no_input_makes_anything_panic() {
    let (_, photo) = phone_photo(true);
    let (_, picture) = png(&[ihdr(), png_chunk(b"tEXt", b"a\0b")]);
    let samples = [photo, picture, webp_photo()];
    let mut noise = XorShift(0x2545_F491_4F6C_DD1D);
    let mut inputs: Vec<Vec<u8>> = Vec::new();
    for sample in &samples {
        for len in 0..=sample.len() {
            inputs.push(sample[..len].to_vec());
        }
        // The sample with one byte changed, here and there.
        for _ in 0..200 {
            let mut mutated = sample.clone();
            let at = usize::try_from(noise.next() % u64::try_from(mutated.len()).unwrap()).unwrap();
            mutated[at] = noise.next().to_le_bytes()[0];
            inputs.push(mutated);
        }
    }
    for len in [0, 1, 2, 3, 8, 12, 64, 512, 4096] {
        for _ in 0..20 {
            let mut bytes = noise.bytes(len);
            inputs.push(bytes.clone());
            // The same noise behind each signature, so the parsers walk into it.
            for magic in [&[0xFF, 0xD8][..], PNG_SIGNATURE, b"RIFF\xFF\xFF\xFF\x7FWEBP", b"\xFE\xFF", b"<svg"] {
                let mut prefixed = magic.to_vec();
                prefixed.extend_from_slice(&bytes);
                inputs.push(prefixed);
            }
            bytes.retain(|&byte| byte != 0);
            inputs.push(bytes);
        }
    }
    for input in &inputs {
        let _ = sniff(input, "x.docx");
        let _ = orientation(input);
        for &file_type in FileType::ALL {
            if let Ok(edit @ MetadataEdit::Replace { head_len, .. }) = without_location(file_type, input) {
                assert!(head_len <= input.len());
                let _ = apply(&edit, input);
            }
        }
        let as_text = String::from_utf8_lossy(input);
        assert!(sanitize_name(&as_text).chars().count() <= MAX_NAME_CHARS);
        let _ = content_disposition(true, &as_text);
    }
}

// ---------------------------------------------------------------------------------------------------------------
// Sizes
// ---------------------------------------------------------------------------------------------------------------

#[test]
fn limits_tell_the_file_first_then_the_ticket() {
    const MIB: u64 = 1024 * 1024;
    #[rustfmt::skip]
    let cases: &[(&str, u64, u64, Result<(), TooLarge>)] = &[
        ("small, empty ticket", MIB, 0, Ok(())),
        ("exactly the file limit", 10 * MIB, 0, Ok(())),
        ("one byte over the file limit", 10 * MIB + 1, 0, Err(TooLarge::File { limit: 10 * MIB })),
        ("exactly filling the ticket", 10 * MIB, 40 * MIB, Ok(())),
        ("one byte over the ticket", 10 * MIB, 40 * MIB + 1,
            Err(TooLarge::Ticket { limit: 50 * MIB, already: 40 * MIB + 1 })),
        ("too large for both: the file is told", 11 * MIB, 45 * MIB, Err(TooLarge::File { limit: 10 * MIB })),
        ("a full ticket refuses a byte", 1, 50 * MIB, Err(TooLarge::Ticket { limit: 50 * MIB, already: 50 * MIB })),
        ("an empty file on a full ticket", 0, 50 * MIB, Ok(())),
        ("no overflow", 1, u64::MAX, Err(TooLarge::Ticket { limit: 50 * MIB, already: u64::MAX })),
    ];
    for (label, size, already, expected) in cases {
        assert_eq!(DEFAULT_LIMITS.check(*size, *already), *expected, "{label}");
    }
    assert_eq!(Limits::default(), DEFAULT_LIMITS);
}

#[test]
fn previews_keep_the_proportions_and_never_enlarge() {
    #[rustfmt::skip]
    let cases: &[(u32, u32, u32, (u32, u32))] = &[
        (4032, 3024, PREVIEW_LONGEST_SIDE, (1280, 960)),
        (3024, 4032, PREVIEW_LONGEST_SIDE, (960, 1280)),
        (800, 600, PREVIEW_LONGEST_SIDE, (800, 600)),
        (1280, 1280, PREVIEW_LONGEST_SIDE, (1280, 1280)),
        (5000, 1, PREVIEW_LONGEST_SIDE, (1280, 1)),
        (1, 5000, PREVIEW_LONGEST_SIDE, (1, 1280)),
        (1000, 333, 320, (320, 107)),
        (4032, 3024, THUMBNAIL_LONGEST_SIDE, (320, 240)),
        (u32::MAX, u32::MAX - 1, PREVIEW_LONGEST_SIDE, (1280, 1280)),
        (0, 5000, PREVIEW_LONGEST_SIDE, (0, 1280)),
        (0, 0, PREVIEW_LONGEST_SIDE, (0, 0)),
        (10, 5, 0, (1, 1)),
    ];
    for (width, height, longest, expected) in cases {
        assert_eq!(preview_size(*width, *height, *longest), *expected, "{width}×{height} within {longest}");
    }
}
