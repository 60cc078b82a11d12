//! DNS over HTTPS (RFC 8484): wire messages (sans I/O) and the two transports.
