//! An upload on its way in: written to a temporary file as it arrives (never whole in memory), refused as
//! soon as it passes the size limit, then read back once to take its type from its bytes, drop a photo's
//! location and compute its SHA-256. Dropping a spool, finished or not, removes its file: an aborted upload
//! leaves nothing behind.

use crate::domain::attachment::{FileType, MetadataEdit, SNIFF_BYTES, sanitize_name, sniff, without_location};
use sha2::{Digest, Sha256};
use std::path::PathBuf;
use tokio::fs::File;
use tokio::io::{AsyncReadExt, AsyncSeekExt, AsyncWriteExt};

/// How far into a JPEG or PNG its metadata may reach before the image data (EXIF is at most 64 KiB; XMP,
/// ICC profiles and thumbnails come beside it).
const METADATA_BYTES: u64 = 1024 * 1024;
/// A WebP's metadata may follow its image: the whole file is read, up to this size.
const WEBP_REWRITE_BYTES: u64 = 12 * 1024 * 1024;
/// The size of the reads that feed the hash and the store.
pub const READ_BYTES: usize = 256 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum SpoolError {
    #[error("file beyond {limit} bytes")]
    TooLarge { limit: u64 },
    #[error("temporary file: {0}")]
    Io(#[from] std::io::Error),
}

/// A temporary file that disappears with its owner.
struct TempFile {
    path: PathBuf,
}

impl TempFile {
    /// A name unique to this upload: a random part, and the process and a counter should the system's
    /// randomness fail (the name guards nothing, it need only not collide).
    fn new() -> TempFile {
        use rand_core::RngCore;
        static COUNTER: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        let mut random = [0_u8; 8];
        let _ = rand_core::OsRng.try_fill_bytes(&mut random);
        let count = COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let name = format!("immo9-envoi-{}-{count}-{:016x}", std::process::id(), u64::from_le_bytes(random));
        TempFile { path: std::env::temp_dir().join(name) }
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

/// Receives an upload chunk by chunk.
pub struct Spooler {
    temp: TempFile,
    file: File,
    written: u64,
    limit: u64,
}

impl Spooler {
    pub async fn new(limit: u64) -> Result<Spooler, SpoolError> {
        let temp = TempFile::new();
        let file = tokio::fs::OpenOptions::new().write(true).create_new(true).open(&temp.path).await?;
        Ok(Spooler { temp, file, written: 0, limit })
    }

    /// Appends a chunk; past the limit, the upload is refused at once (the rest is never read).
    pub async fn write(&mut self, chunk: &[u8]) -> Result<(), SpoolError> {
        self.written += chunk.len() as u64;
        if self.written > self.limit {
            return Err(SpoolError::TooLarge { limit: self.limit });
        }
        self.file.write_all(chunk).await?;
        Ok(())
    }

    /// The upload is complete: its type, its content without location, its hash.
    pub async fn finish(mut self, raw_name: &str) -> Result<Spooled, SpoolError> {
        self.file.flush().await?;
        drop(self.file);
        let mut file = File::open(&self.temp.path).await?;
        let raw_size = self.written;
        let head = read_head(&mut file, SNIFF_BYTES as u64).await?;
        let name = sanitize_name(raw_name);
        let file_type = sniff(&head, &name);
        let edit = match file_type {
            FileType::Jpeg | FileType::Png => metadata_edit(&mut file, file_type, METADATA_BYTES.min(raw_size)).await?,
            FileType::Webp if raw_size <= WEBP_REWRITE_BYTES => metadata_edit(&mut file, file_type, raw_size).await?,
            _ => MetadataEdit::Unchanged,
        };
        let (new_head, skip) = match edit {
            MetadataEdit::Unchanged => (Vec::new(), 0),
            MetadataEdit::Replace { head_len, new_head } => (new_head, head_len as u64),
        };
        let mut spooled = Spooled { temp: self.temp, name, file_type, size: 0, sha256: String::new(), new_head, skip };
        let mut hasher = Sha256::new();
        let mut size = 0;
        let mut reader = spooled.reader().await?;
        while let Some(chunk) = reader.next_chunk().await? {
            hasher.update(&chunk);
            size += chunk.len() as u64;
        }
        drop(reader);
        spooled.size = size;
        spooled.sha256 = hasher.finalize().iter().map(|byte| format!("{byte:02x}")).collect();
        Ok(spooled)
    }
}

async fn read_head(file: &mut File, limit: u64) -> std::io::Result<Vec<u8>> {
    file.seek(std::io::SeekFrom::Start(0)).await?;
    let mut head = Vec::new();
    file.take(limit).read_to_end(&mut head).await?;
    Ok(head)
}

/// A photo's location removed: the metadata read as far as it goes, up to `limit` bytes. Metadata that
/// reaches further is left as it is (a JPEG's never does: EXIF comes first, before the image data).
async fn metadata_edit(file: &mut File, file_type: FileType, limit: u64) -> std::io::Result<MetadataEdit> {
    let head = read_head(file, limit).await?;
    Ok(without_location(file_type, &head).unwrap_or_else(|_| {
        tracing::warn!(?file_type, "metadata beyond what is read: the file is stored as it was sent");
        MetadataEdit::Unchanged
    }))
}

/// A complete upload, ready to store.
pub struct Spooled {
    temp: TempFile,
    pub name: String,
    pub file_type: FileType,
    /// Its size as stored (without the location it was sent with).
    pub size: u64,
    pub sha256: String,
    /// The start of the stored content when metadata was removed, and how many bytes of the file it
    /// replaces.
    new_head: Vec<u8>,
    skip: u64,
}

impl Spooled {
    /// Reads the content as stored, in chunks of [`READ_BYTES`].
    pub async fn reader(&self) -> std::io::Result<ContentReader<'_>> {
        let mut file = File::open(&self.temp.path).await?;
        file.seek(std::io::SeekFrom::Start(self.skip)).await?;
        Ok(ContentReader { head: &self.new_head, head_read: 0, file, buffer: vec![0; READ_BYTES] })
    }
}

pub struct ContentReader<'a> {
    head: &'a [u8],
    head_read: usize,
    file: File,
    buffer: Vec<u8>,
}

impl ContentReader<'_> {
    /// The next chunk: the rewritten start first (if any), then the file, each chunk full but the last.
    pub async fn next_chunk(&mut self) -> std::io::Result<Option<Vec<u8>>> {
        let mut chunk = Vec::with_capacity(READ_BYTES);
        let head = self.head.get(self.head_read..).unwrap_or_default();
        let from_head = head.len().min(READ_BYTES);
        chunk.extend_from_slice(&head[..from_head]);
        self.head_read += from_head;
        while chunk.len() < READ_BYTES {
            let wanted = READ_BYTES - chunk.len();
            let read = self.file.read(&mut self.buffer[..wanted]).await?;
            if read == 0 {
                break;
            }
            chunk.extend_from_slice(&self.buffer[..read]);
        }
        Ok((!chunk.is_empty()).then_some(chunk))
    }
}
