//! Length-prefixed bincode frames: a 4-byte big-endian length, then the payload. A frame
//! longer than `MAX_FRAME`, cut short, or not decodable is an error and is never applied.

use std::io::{self, Read, Write};

use bincode::config;
use serde::Serialize;
use serde::de::DeserializeOwned;

/// The largest payload either side accepts (64 MiB). A length prefix above it is refused
/// before anything is read, so a bad or hostile peer cannot make the reader allocate more.
pub const MAX_FRAME: usize = 64 << 20;

/// Bytes of the length prefix.
const PREFIX: usize = 4;

/// Why no message could be read. In every case nothing of the frame is used.
#[derive(Debug, thiserror::Error)]
pub enum FrameError {
    /// The peer closed the connection cleanly, between frames.
    #[error("connection closed")]
    Closed,
    /// The connection ended in the middle of a frame.
    #[error("connection closed in the middle of a message")]
    Truncated,
    /// The length prefix announces more than `MAX_FRAME` bytes.
    #[error("message of {0} bytes is larger than allowed")]
    TooLarge(u64),
    /// The payload is not a message of the expected type.
    #[error("message could not be decoded")]
    Decode,
    /// Reading failed.
    #[error("{0}")]
    Io(#[from] io::Error),
}

/// Writes `msg` as one frame with a single `write_all`, then flushes.
pub fn write_frame<W: Write, T: Serialize>(mut w: W, msg: &T) -> io::Result<usize> {
    // Measured first, then encoded straight into the stream through a small buffer: a
    // whole-message buffer would hold a second copy of a 1 MB roster reply at the peak.
    let mut counter = Counter(0);
    bincode::serde::encode_into_std_write(msg, &mut counter, config::standard())
        .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))?;
    let len = counter.0;
    if len > MAX_FRAME {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("message of {len} bytes is larger than allowed"),
        ));
    }
    let mut out = io::BufWriter::with_capacity(WRITE_BUFFER.min(PREFIX + len), &mut w);
    // Cannot fail: len <= MAX_FRAME < u32::MAX.
    out.write_all(&u32::try_from(len).unwrap_or(u32::MAX).to_be_bytes())?;
    bincode::serde::encode_into_std_write(msg, &mut out, config::standard())
        .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))?;
    out.flush()?;
    drop(out);
    w.flush()?;
    Ok(len)
}

/// The buffer between encoding and the stream.
const WRITE_BUFFER: usize = 64 * 1024;

/// A writer that only counts the bytes written to it.
struct Counter(usize);

impl Write for Counter {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.0 += bytes.len();
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// Reads one whole frame and decodes it. The payload buffer grows only as bytes arrive,
/// so a length prefix that promises much and delivers little costs nothing.
pub fn read_frame<R: Read, T: DeserializeOwned>(mut r: R) -> Result<T, FrameError> {
    let mut prefix = [0u8; PREFIX];
    let got = read_full(&mut r, &mut prefix)?;
    if got == 0 {
        return Err(FrameError::Closed);
    }
    if got < PREFIX {
        return Err(FrameError::Truncated);
    }
    let len = u32::from_be_bytes(prefix);
    if len as usize > MAX_FRAME {
        return Err(FrameError::TooLarge(u64::from(len)));
    }
    let mut payload = Vec::new();
    r.by_ref().take(u64::from(len)).read_to_end(&mut payload)?;
    if payload.len() < len as usize {
        return Err(FrameError::Truncated);
    }
    let limited = config::standard().with_limit::<MAX_FRAME>();
    match bincode::serde::decode_from_slice(&payload, limited) {
        // Trailing bytes mean the payload was not what the sender meant: refuse it whole.
        Ok((msg, used)) if used == payload.len() => Ok(msg),
        _ => Err(FrameError::Decode),
    }
}

/// Reads until `buf` is full or the stream ends; returns how many bytes arrived.
fn read_full<R: Read>(r: &mut R, buf: &mut [u8]) -> Result<usize, FrameError> {
    let mut got = 0;
    while got < buf.len() {
        match r.read(&mut buf[got..]) {
            Ok(0) => break,
            Ok(n) => got += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e.into()),
        }
    }
    Ok(got)
}

#[cfg(test)]
mod tests {
    use std::io::Cursor;

    use super::*;
    use crate::protocol::wire::{ClientMsg, ServerMsg};
    use crate::protocol::{Notice, Request};

    fn framed<T: Serialize>(msg: &T) -> Vec<u8> {
        let mut out = Vec::new();
        write_frame(&mut out, msg).unwrap();
        out
    }

    #[test]
    fn a_message_survives_the_round_trip() {
        let msg = ClientMsg::Call {
            id: 7,
            request: Request::ListClients,
        };
        let bytes = framed(&msg);
        let len = u32::from_be_bytes(bytes[..4].try_into().unwrap()) as usize;
        assert_eq!(len, bytes.len() - 4);
        let back: ClientMsg = read_frame(Cursor::new(bytes)).unwrap();
        assert_eq!(back, msg);
    }

    #[test]
    fn frames_follow_each_other_and_end_cleanly() {
        let mut bytes = framed(&ServerMsg::Notice(Notice::Staff));
        bytes.extend(framed(&ServerMsg::Notice(Notice::Facility)));
        let mut r = Cursor::new(bytes);
        let a: ServerMsg = read_frame(&mut r).unwrap();
        let b: ServerMsg = read_frame(&mut r).unwrap();
        assert_eq!(a, ServerMsg::Notice(Notice::Staff));
        assert_eq!(b, ServerMsg::Notice(Notice::Facility));
        assert!(matches!(
            read_frame::<_, ServerMsg>(&mut r),
            Err(FrameError::Closed)
        ));
    }

    #[test]
    fn a_frame_cut_anywhere_is_truncated() {
        let bytes = framed(&ClientMsg::Hello { version: 1 });
        for cut in 1..bytes.len() {
            let r = Cursor::new(bytes[..cut].to_vec());
            assert!(
                matches!(read_frame::<_, ClientMsg>(r), Err(FrameError::Truncated)),
                "cut at {cut}"
            );
        }
    }

    #[test]
    fn an_oversized_prefix_is_refused_before_reading() {
        let mut bytes = ((MAX_FRAME + 1) as u32).to_be_bytes().to_vec();
        bytes.extend([0u8; 16]);
        let mut r = Cursor::new(bytes);
        let err = read_frame::<_, ClientMsg>(&mut r).unwrap_err();
        assert!(matches!(err, FrameError::TooLarge(n) if n == MAX_FRAME as u64 + 1));
        assert_eq!(r.position(), 4, "the payload is never read");
    }

    #[test]
    fn garbage_does_not_decode() {
        let mut bytes = 5u32.to_be_bytes().to_vec();
        bytes.extend([0xff, 0xfe, 0xfd, 0xfc, 0xfb]);
        let err = read_frame::<_, ClientMsg>(Cursor::new(bytes)).unwrap_err();
        assert!(matches!(err, FrameError::Decode));
    }

    #[test]
    fn trailing_bytes_inside_a_frame_are_refused() {
        let mut bytes = framed(&ClientMsg::Shutdown);
        let len = u32::from_be_bytes(bytes[..4].try_into().unwrap()) + 1;
        bytes[..4].copy_from_slice(&len.to_be_bytes());
        bytes.push(0);
        let err = read_frame::<_, ClientMsg>(Cursor::new(bytes)).unwrap_err();
        assert!(matches!(err, FrameError::Decode));
    }

    #[test]
    fn an_empty_frame_is_a_decode_error() {
        let bytes = 0u32.to_be_bytes().to_vec();
        let err = read_frame::<_, ClientMsg>(Cursor::new(bytes)).unwrap_err();
        assert!(matches!(err, FrameError::Decode));
    }
}
