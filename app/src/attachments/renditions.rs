//! Previews (longest side 1,280 px, for the ticket page) and thumbnails (320 px, for lists) of the pictures
//! people attach, made once per content, off the request path: right after an upload and by the minute job
//! for anything left over (a restart, another instance). Each blob is claimed with `SKIP LOCKED`, so two
//! instances never make the same one twice.

use super::store::{RENDITIONS_DONE, RENDITIONS_FAILED, RENDITIONS_PENDING};
use crate::db::schema::{attachment_blobs, attachment_chunks, attachment_renditions};
use crate::domain::attachment::{FileType, PREVIEW_LONGEST_SIDE, THUMBNAIL_LONGEST_SIDE, orientation, preview_size};
use crate::error::{AppError, AppResult};
use diesel::prelude::*;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use image::{DynamicImage, ImageFormat};

/// Pictures beyond this are not decoded (a small PNG can claim 50,000 × 50,000 pixels).
const MAX_SIDE: u32 = 16_000;
const MAX_DECODE_BYTES: u64 = 512 * 1024 * 1024;
const JPEG_QUALITY: u8 = 82;

/// One rendition made.
struct Rendition {
    kind: &'static str,
    content_type: &'static str,
    width: u32,
    height: u32,
    data: Vec<u8>,
}

/// Makes the renditions still to make, at most `limit` pictures; answers how many were handled.
pub async fn make_pending(conn: &mut AsyncPgConnection, limit: usize) -> AppResult<usize> {
    let mut handled = 0;
    while handled < limit {
        if !make_next(conn).await? {
            break;
        }
        handled += 1;
    }
    Ok(handled)
}

/// Claims one picture without renditions and makes them; false when none is left.
async fn make_next(conn: &mut AsyncPgConnection) -> AppResult<bool> {
    conn.transaction(async |conn| {
        let claimed: Option<(String, FileType)> = attachment_blobs::table
            .filter(attachment_blobs::renditions.eq(RENDITIONS_PENDING))
            .order(attachment_blobs::stored_at)
            .select((attachment_blobs::sha256, attachment_blobs::content_type))
            .for_update()
            .skip_locked()
            .first(conn)
            .await
            .optional()?;
        let Some((sha256, file_type)) = claimed else { return Ok(false) };
        let chunks: Vec<Vec<u8>> = attachment_chunks::table
            .filter(attachment_chunks::sha256.eq(&sha256))
            .order(attachment_chunks::seq)
            .select(attachment_chunks::data)
            .load(conn)
            .await?;
        let bytes = chunks.concat();
        let made = tokio::task::spawn_blocking(move || render(&bytes, file_type))
            .await
            .map_err(|_| AppError::internal("renditions"))?;
        let state = match made {
            Ok(renditions) => {
                for rendition in renditions {
                    diesel::insert_into(attachment_renditions::table)
                        .values((
                            attachment_renditions::sha256.eq(&sha256),
                            attachment_renditions::kind.eq(rendition.kind),
                            attachment_renditions::content_type.eq(rendition.content_type),
                            attachment_renditions::width.eq(rendition.width as i32),
                            attachment_renditions::height.eq(rendition.height as i32),
                            attachment_renditions::data.eq(rendition.data),
                        ))
                        .on_conflict_do_nothing()
                        .execute(conn)
                        .await?;
                }
                RENDITIONS_DONE
            }
            Err(reason) => {
                tracing::warn!(%sha256, %reason, "no preview for this picture: it stays downloadable as it is");
                RENDITIONS_FAILED
            }
        };
        diesel::update(attachment_blobs::table.find(&sha256))
            .set(attachment_blobs::renditions.eq(state))
            .execute(conn)
            .await?;
        Ok(true)
    })
    .await
}

fn image_format(file_type: FileType) -> Option<ImageFormat> {
    match file_type {
        FileType::Jpeg => Some(ImageFormat::Jpeg),
        FileType::Png => Some(ImageFormat::Png),
        FileType::Gif => Some(ImageFormat::Gif),
        FileType::Webp => Some(ImageFormat::WebP),
        _ => None,
    }
}

/// The picture turned as the camera held it (EXIF orientation 2 to 8).
fn oriented(picture: DynamicImage, orientation: Option<u8>) -> DynamicImage {
    match orientation {
        Some(2) => picture.fliph(),
        Some(3) => picture.rotate180(),
        Some(4) => picture.flipv(),
        Some(5) => picture.rotate90().fliph(),
        Some(6) => picture.rotate90(),
        Some(7) => picture.rotate270().fliph(),
        Some(8) => picture.rotate270(),
        _ => picture,
    }
}

/// Decodes a picture and makes its preview and thumbnail: JPEG, or PNG when it has transparency (a
/// screenshot's cut-out would turn black in a JPEG).
fn render(bytes: &[u8], file_type: FileType) -> Result<Vec<Rendition>, String> {
    let format = image_format(file_type).ok_or("not a picture")?;
    let mut reader = image::ImageReader::with_format(std::io::Cursor::new(bytes), format);
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_DECODE_BYTES);
    reader.limits(limits);
    let picture = reader.decode().map_err(|error| error.to_string())?;
    let turn = if file_type == FileType::Jpeg { orientation(bytes) } else { None };
    let picture = oriented(picture, turn);
    let transparent = picture.color().has_alpha();
    let mut made = Vec::with_capacity(2);
    let preview = scaled(&picture, PREVIEW_LONGEST_SIDE, false);
    made.push(encoded("APERCU", &preview, transparent)?);
    let thumbnail = scaled(&preview, THUMBNAIL_LONGEST_SIDE, true);
    made.push(encoded("VIGNETTE", &thumbnail, transparent)?);
    Ok(made)
}

fn scaled(picture: &DynamicImage, longest: u32, fast: bool) -> DynamicImage {
    let (width, height) = preview_size(picture.width(), picture.height(), longest);
    if (width, height) == (picture.width(), picture.height()) {
        return picture.clone();
    }
    if fast {
        picture.thumbnail_exact(width, height)
    } else {
        picture.resize_exact(width, height, image::imageops::FilterType::Triangle)
    }
}

fn encoded(kind: &'static str, picture: &DynamicImage, transparent: bool) -> Result<Rendition, String> {
    let mut data = Vec::new();
    let content_type = if transparent {
        picture
            .to_rgba8()
            .write_to(&mut std::io::Cursor::new(&mut data), ImageFormat::Png)
            .map_err(|e| e.to_string())?;
        "image/png"
    } else {
        let encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut data, JPEG_QUALITY);
        picture.to_rgb8().write_with_encoder(encoder).map_err(|e| e.to_string())?;
        "image/jpeg"
    };
    Ok(Rendition { kind, content_type, width: picture.width(), height: picture.height(), data })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn jpeg(width: u32, height: u32) -> Vec<u8> {
        let picture = DynamicImage::ImageRgb8(image::RgbImage::from_fn(width, height, |x, y| {
            image::Rgb([(x % 256) as u8, (y % 256) as u8, 128])
        }));
        let mut data = Vec::new();
        picture.write_to(&mut std::io::Cursor::new(&mut data), ImageFormat::Jpeg).unwrap();
        data
    }

    #[test]
    fn a_photo_gets_a_preview_and_a_thumbnail_of_the_right_sizes() {
        let cases = [((4032, 3024), (1280, 960), (320, 240)), ((600, 800), (600, 800), (240, 320))];
        for ((width, height), preview, thumbnail) in cases {
            let made = render(&jpeg(width, height), FileType::Jpeg).unwrap();
            assert_eq!((made[0].kind, made[0].width, made[0].height), ("APERCU", preview.0, preview.1));
            assert_eq!((made[1].kind, made[1].width, made[1].height), ("VIGNETTE", thumbnail.0, thumbnail.1));
            assert!(made.iter().all(|r| r.content_type == "image/jpeg" && r.data.starts_with(&[0xFF, 0xD8])));
        }
    }

    #[test]
    fn a_broken_picture_is_refused_without_a_panic() {
        let mut truncated = jpeg(64, 64);
        truncated.truncate(40);
        assert!(render(&truncated, FileType::Jpeg).is_err());
        assert!(render(b"not a picture", FileType::Png).is_err());
        assert!(render(b"%PDF-1.7", FileType::Pdf).is_err());
    }
}
