//! The byte format of stored originals: one zstd frame with a checksum and the content size,
//! so a truncated or damaged object is detected on read instead of giving back wrong bytes.
//! (The file system side, names and atomic writes, is Python's: hr/store.py.)

use std::io;

pub const LEVEL: i32 = 3;

pub fn pack(data: &[u8]) -> io::Result<Vec<u8>> {
    let mut enc = zstd::stream::Encoder::new(Vec::with_capacity(data.len() / 4 + 64), LEVEL)?;
    enc.include_checksum(true)?;
    enc.include_contentsize(true)?;
    enc.set_pledged_src_size(Some(data.len() as u64))?;
    io::Write::write_all(&mut enc, data)?;
    enc.finish()
}

pub fn unpack(blob: &[u8]) -> io::Result<Vec<u8>> {
    zstd::stream::decode_all(blob)
}

/// The name an original is stored under: its SHA-256, in lowercase hex.
pub fn digest(data: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    hex(&Sha256::digest(data))
}

/// The name of the original a stored frame holds (see `digest`), read a piece at a time: a
/// check of an object already stored holds no copy of the original beside the input (a
/// 100 MB input compressed again held two).
pub fn unpacked_digest(blob: &[u8]) -> io::Result<String> {
    use sha2::{Digest, Sha256};
    let mut frame = zstd::stream::read::Decoder::with_buffer(blob)?;
    let mut hasher = Sha256::new();
    let mut piece = vec![0u8; 1 << 16];
    loop {
        let n = io::Read::read(&mut frame, &mut piece)?;
        if n == 0 {
            return Ok(hex(&hasher.finalize()));
        }
        hasher.update(&piece[..n]);
    }
}

fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes.iter().fold(String::with_capacity(64), |mut hex, byte| {
        let _ = write!(hex, "{byte:02x}");
        hex
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_any_bytes() {
        for data in [
            &b""[..],
            b"\xff\xfe\x00 not utf8\r\n",
            &b"abc\n".repeat(10_000),
        ] {
            let blob = pack(data).unwrap();
            assert_eq!(&blob[..4], b"\x28\xb5\x2f\xfd");
            assert_eq!(unpack(&blob).unwrap(), data);
        }
    }

    #[test]
    fn a_frames_digest_is_its_originals_and_a_damaged_frame_has_none() {
        let data = b"line of a log\n".repeat(20_000);
        let blob = pack(&data).unwrap();
        assert_eq!(unpacked_digest(&blob).unwrap(), digest(&data));
        let mut damaged = blob.clone();
        let at = damaged.len() / 2;
        damaged[at] ^= 0xff;
        assert!(unpacked_digest(&damaged).is_err() || unpacked_digest(&damaged).unwrap() != digest(&data));
        assert!(unpacked_digest(&blob[..blob.len() - 3]).is_err());
    }

    #[test]
    fn digest_is_sha256_in_lowercase_hex() {
        // FIPS 180-2's test vectors
        assert_eq!(digest(b""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assert_eq!(digest(b"abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assert_eq!(
            digest(&b"a".repeat(1_000_000)),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"
        );
    }

    #[test]
    fn damage_is_detected() {
        let mut blob = pack(&b"some text that will be damaged\n".repeat(100)).unwrap();
        let n = blob.len();
        blob[n - 6] ^= 0xff;
        assert!(unpack(&blob).is_err());
        assert!(unpack(&blob[..n / 2]).is_err());
    }
}
