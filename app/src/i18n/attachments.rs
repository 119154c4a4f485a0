//! The words of attachments: the ticket's and the article's files, the picker (files, camera, drop), the
//! progress of each upload, and why a file was refused.

use super::{fill, megabytes};
use crate::domain::attachment::FileType;

pub struct AttachmentTexts {
    pub title: &'static str,
    pub none: &'static str,
    pub choose_files: &'static str,
    pub take_photo: &'static str,
    pub drop_here: &'static str,
    pub limits: &'static str,
    pub internal: &'static str,
    pub internal_badge: &'static str,
    pub send: &'static str,
    pub sending: &'static str,
    pub sent: &'static str,
    pub waiting: &'static str,
    pub remove: &'static str,
    pub failed: &'static str,
    pub preview_of: &'static str,
    pub preview_pending: &'static str,
    pub added_by: &'static str,
    pub sending_after_registration: &'static str,
    pub some_failed: &'static str,
    pub file_too_large: &'static str,
    pub file_too_large_named: &'static str,
    pub ticket_full: &'static str,
    pub file_missing: &'static str,
    pub file_empty: &'static str,
    pub not_multipart: &'static str,
    pub interrupted: &'static str,
    pub ticket_closed: &'static str,
    pub too_many_files: &'static str,
    pub variant_invalid: &'static str,
    pub kind_image: &'static str,
    pub kind_document: &'static str,
    pub kind_archive: &'static str,
    pub kind_text: &'static str,
    pub kind_other: &'static str,
}

pub const FR_ATTACHMENTS: AttachmentTexts = AttachmentTexts {
    title: "Pièces jointes",
    none: "Aucune pièce jointe.",
    choose_files: "Joindre des fichiers",
    take_photo: "Prendre une photo",
    drop_here: "ou déposez les fichiers ici",
    limits: "{size} Mo au plus par fichier : photos, PDF, documents bureautiques, archives, texte.",
    internal: "Interne (visible du support seulement)",
    internal_badge: "Interne",
    send: "Envoyer",
    sending: "Envoi…",
    sent: "Envoyé",
    waiting: "En attente",
    remove: "Retirer",
    failed: "Échec de l'envoi",
    preview_of: "Aperçu de {name}",
    preview_pending: "Aperçu en préparation",
    added_by: "ajouté par {name} le {date}",
    sending_after_registration: "Demande {reference} enregistrée : envoi des pièces jointes…",
    some_failed: "Demande {reference} enregistrée, mais des fichiers n'ont pas pu être envoyés : réessayez depuis la page du ticket.",
    file_too_large: "Le fichier dépasse {size} Mo, la taille maximale d'une pièce jointe.",
    file_too_large_named: "« {name} » dépasse {size} Mo, la taille maximale d'une pièce jointe.",
    ticket_full: "Les pièces jointes de ce ticket dépasseraient {size} Mo au total : envoyez des fichiers plus légers ou déposez-les sur un partage.",
    file_missing: "Aucun fichier dans l'envoi : joignez-le dans la partie « file » du formulaire.",
    file_empty: "Le fichier « {name} » est vide.",
    not_multipart: "L'envoi doit être un formulaire multipart/form-data dont la partie « file » porte le fichier.",
    interrupted: "L'envoi a été interrompu avant la fin du fichier : rien n'a été enregistré, réessayez.",
    ticket_closed: "Ce ticket est clos : joignez vos fichiers à une nouvelle demande.",
    too_many_files: "{max} fichiers au plus par envoi : envoyez les autres ensuite.",
    variant_invalid: "« variante » vaut « apercu » ou « vignette » (ou rien, pour le fichier lui-même).",
    kind_image: "Image",
    kind_document: "Document",
    kind_archive: "Archive",
    kind_text: "Texte",
    kind_other: "Fichier",
};

/// « 2,4 Mo », « 850 Ko »: sizes as a file manager shows them.
pub fn size_label(bytes: u64) -> String {
    if bytes < 1024 * 1024 { format!("{} Ko", bytes.div_ceil(1024).max(1)) } else { format!("{} Mo", megabytes(bytes)) }
}

/// What kind of file it is, in a word for the list.
pub fn kind_label(file_type: FileType) -> &'static str {
    let texts = &super::t().attachments;
    match file_type {
        FileType::Jpeg | FileType::Png | FileType::Gif | FileType::Webp | FileType::Heic | FileType::Svg => {
            texts.kind_image
        }
        FileType::Pdf
        | FileType::Docx
        | FileType::Xlsx
        | FileType::Pptx
        | FileType::Odt
        | FileType::Ods
        | FileType::LegacyOffice => texts.kind_document,
        FileType::Zip | FileType::Gzip | FileType::SevenZip | FileType::Rar => texts.kind_archive,
        FileType::Text | FileType::Html | FileType::Xml => texts.kind_text,
        FileType::Mp4 | FileType::Binary => texts.kind_other,
    }
}

/// The limit under the picker, with the configured size.
pub fn limits_line(per_file: u64) -> String {
    fill(super::t().attachments.limits, &[("size", &megabytes(per_file))])
}
