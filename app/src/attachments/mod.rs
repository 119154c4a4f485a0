//! Attachments, the store every area shares: the wire type of an attached file, the spooling of an upload
//! (spool.rs), its content-addressed storage in PostgreSQL (store.rs), the preview and thumbnail made off the
//! request path (renditions.rs), and the list and picker components pages show (components.rs). Who may see
//! or add a file is the owning area's rule (the ticket's, the article's): they call this layer, never back.

pub mod api;
pub mod components;
#[cfg(feature = "ssr")]
pub mod renditions;
#[cfg(feature = "ssr")]
pub mod spool;
#[cfg(feature = "ssr")]
pub mod store;

use crate::domain::attachment::FileType;
use crate::domain::ids::AttachmentId;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// A file attached to a ticket or an article, as its readers see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attachment {
    pub id: AttachmentId,
    /// The name it was sent under, sanitised.
    pub name: String,
    pub size: i64,
    /// The type read from its bytes.
    pub content_type: FileType,
    pub sha256: String,
    /// Beside an internal note: the desk alone sees it.
    pub internal: bool,
    pub uploaded_by: Option<String>,
    pub uploaded_at: DateTime<Utc>,
    /// A preview (1,280 px) and a thumbnail are ready.
    pub preview: bool,
    /// A preview is still to be made.
    pub preview_pending: bool,
}

impl Attachment {
    /// Where its bytes are served.
    pub fn url(&self) -> String {
        format!("/api/v1/attachments/{}", self.id)
    }

    pub fn preview_url(&self) -> String {
        format!("/api/v1/attachments/{}?variante=apercu", self.id)
    }

    pub fn thumbnail_url(&self) -> String {
        format!("/api/v1/attachments/{}?variante=vignette", self.id)
    }
}

/// The refusal of a file beyond a limit, answered 413.
pub fn too_large(problem: crate::domain::attachment::TooLarge) -> crate::error::AppError {
    use crate::domain::attachment::TooLarge;
    use crate::error::AppError;
    match problem {
        TooLarge::File { limit } => AppError::FileTooLarge { max_bytes: limit },
        TooLarge::Ticket { limit, .. } => AppError::AttachmentsFull { max_bytes: limit },
    }
}

/// Which bytes of an attachment a request wants: the file as stored, or one of its renditions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Variant {
    Original,
    Preview,
    Thumbnail,
}

impl Variant {
    /// `?variante=apercu|vignette` (none: the file itself).
    pub fn from_query(value: Option<&str>) -> Option<Variant> {
        match value {
            None | Some("" | "original") => Some(Variant::Original),
            Some("apercu") => Some(Variant::Preview),
            Some("vignette") => Some(Variant::Thumbnail),
            Some(_) => None,
        }
    }

    /// The code of the stored rendition.
    pub const fn rendition_code(self) -> Option<&'static str> {
        match self {
            Variant::Original => None,
            Variant::Preview => Some("APERCU"),
            Variant::Thumbnail => Some("VIGNETTE"),
        }
    }
}
