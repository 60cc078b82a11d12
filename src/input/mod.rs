//! Pasted text and dropped files → bytes: format sniffing, decompression, limits.
