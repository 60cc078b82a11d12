//! French text of the interface.
