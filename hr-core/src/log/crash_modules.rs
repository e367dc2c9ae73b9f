//! The modules a native crash went through. A program that crashes may log its backtrace a
//! frame a line, each naming the file of the module its code ran in and an address: Xorg's
//! `(EE) 3: /usr/lib/xorg/modules/drivers/intel_drv.so (0x7f35c6c4e000+0x75dad) [0x7f35c6cc3dad]`,
//! glibc's `backtrace_symbols` (`/lib/x86_64-linux-gnu/libc.so.6(abort+0x148)[0x7f0d…]`),
//! strongSwan's `/usr/lib64/strongswan/libcharon.so.0 @ 0x7fb3b5d34000 [0x7fb3b5d459b1]`. The
//! frames differ in their addresses and their files, values to the miner, and fold as one
//! template; but which modules the crash went through (the driver between the server's frames)
//! is what the trace says. The first frame of each module stays.

use crate::hash::FxHashSet;
use crate::lines::Lines;
use crate::plan::{Piece, Plan, Priority};
use crate::re::re;

/// Modules told apart at most (a bound on memory, on a log of nothing but frames).
const MODULES_SHOWN: usize = 256;

/// The name of the file a native backtrace's frame names, if `line` is one: a path, then
/// perhaps its load address or a function and offset, then the frame's address in brackets
/// at the line's end.
pub(super) fn frame_module(line: &str) -> Option<&str> {
    // (most lines end with no `]`: spared the pattern)
    let t = line.trim_end();
    if !t.ends_with(']') || !t.contains("[0x") {
        return None;
    }
    let path = re!(r"(?:^|[\s:])((?:/|\./)[^\s(\[]+?)\s*(?:@ 0x[0-9a-fA-F]+\s*)?(?:\([^)\s]*\)\s*)?\[0x[0-9a-fA-F]+\]$").captures(t)?.get(1)?.as_str();
    path.rsplit('/').next().filter(|name| !name.is_empty())
}

/// `plan` with the first frame of each module that a native backtrace names put back where a
/// fold held it.
pub(super) fn keep_first_frames(plan: Plan, lines: &Lines) -> Plan {
    let mut shown: FxHashSet<&str> = FxHashSet::default();
    let mut keep = Vec::new();
    for piece in &plan.pieces {
        let (start, end, kept) = match *piece {
            Piece::Keep { start, end, .. } | Piece::Restate { start, end, .. } => (start, end, true),
            Piece::Fold { start, end, .. } => (start, end, false),
        };
        for n in start..=end {
            if shown.len() >= MODULES_SHOWN {
                break;
            }
            if let Some(module) = frame_module(lines.lines[n - 1]) {
                if shown.insert(module) && !kept {
                    keep.push(n);
                }
            }
        }
    }
    if keep.is_empty() {
        plan
    } else {
        crate::guard::keep_in_place(&plan, keep, lines, Priority::Notable)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_frame_names_its_module_in_each_format() {
        for (line, module) in [
            ("[    47.927] (EE) 3: /usr/lib/xorg/modules/drivers/intel_drv.so (0x7f35c6c4e000+0x75dad) [0x7f35c6cc3dad]", "intel_drv.so"),
            ("[    47.927] (EE) 0: /usr/lib/xorg/Xorg (xorg_backtrace+0x4e) [0x5577d9a8e6ce]", "Xorg"),
            ("/lib/x86_64-linux-gnu/libc.so.6(abort+0x148)[0x7f0d2c0287f2]", "libc.so.6"),
            ("./crasher(+0x11e9)[0x55d1a2b001e9]", "crasher"),
            ("17 Aug 04:14:35 15[LIB]   /usr/lib64/strongswan/libcharon.so.0 @ 0x7fb3b5d34000 [0x7fb3b5d459b1]", "libcharon.so.0"),
            ("17 Aug 04:14:35 15[LIB]   /usr/lib64/strongswan/plugins/libstrongswan-vici.so @ 0x7fb3abc24000 (process_request+0xc5) [0x7fb3abc2ab65]", "libstrongswan-vici.so"),
        ] {
            assert_eq!(frame_module(line), Some(module), "{line}");
        }
        for line in ["GET /x.so HTTP/1.1 [0x1f]", "mapped /lib/libc.so.6 at [mem 0x1000-0x2000]", "plain line", "[    47.927] (EE) Backtrace:"] {
            assert_eq!(frame_module(line), None, "{line}");
        }
    }
}
