//! The portal's catalog: employees find a request type (searchable, grouped by domain) and ask for it through
//! its own form. The entries and their forms are the referential's; the request made is a ticket.

pub mod api;
pub mod pages;
