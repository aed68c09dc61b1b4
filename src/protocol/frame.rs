//! Length-prefixed bincode frames: a 4-byte big-endian length, then the payload. A frame
//! longer than `MAX_FRAME`, cut short, or not decodable is an error and is never applied.

// Implemented with issue #3 (server helper).
