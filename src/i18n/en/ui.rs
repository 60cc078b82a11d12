//! English text of the interface.
