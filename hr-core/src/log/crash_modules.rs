//! The modules a native crash went through. A program that crashes may log its backtrace a
//! frame a line, each naming the file of the module its code ran in and an address: Xorg's
//! `(EE) 3: /usr/lib/xorg/modules/drivers/intel_drv.so (0x7f35c6c4e000+0x75dad) [0x7f35c6cc3dad]`,
//! glibc's `backtrace_symbols` (`/lib/x86_64-linux-gnu/libc.so.6(abort+0x148)[0x7f0d…]`),
//! strongSwan's `/usr/lib64/strongswan/libcharon.so.0 @ 0x7fb3b5d34000 [0x7fb3b5d459b1]`. The
//! frames differ in their addresses and their files, values to the miner, and fold as one
//! template; but which modules the crash went through (the driver between the server's frames)
//! is what the trace says. In each trace through modules in an order not seen before, the
//! first frame of each module stays: a crash loop shows its modules once, another crash its own.

use crate::hash::{FxHashSet, FxHasher};
use crate::lines::Lines;
use crate::plan::{Piece, Plan, Priority};
use std::hash::Hasher;

/// Traces told apart at most: past them, a trace through modules in a new order keeps nothing
/// more (a bound on how much a log of nothing but crashes grows).
const TRACES_SHOWN: usize = 256;
/// Lines between two frames of one trace at most (strongSwan writes each frame's `-> file:line`
/// under it, and other threads log between them).
const FRAME_GAP: usize = 4;

/// The name of the file a native backtrace's frame names, if `line` is one: a path (or, on a
/// line of its own, a program's name), then perhaps its load address (`@ 0x…`) or a function
/// and offset in brackets, then the frame's address in square brackets at the line's end.
pub(super) fn frame_module(line: &str) -> Option<&str> {
    let t = line.trim_end();
    let address = t.strip_suffix(']')?;
    let open = address.rfind("[0x")?;
    if !is_hex(&address[open + 3..]) {
        return None;
    }
    let mut before = t[..open].trim_end();
    if let Some(call) = before.strip_suffix(')') {
        let at = call.rfind('(')?;
        if call[at..].contains(char::is_whitespace) {
            return None;
        }
        before = call[..at].trim_end();
    }
    if let Some((module, load)) = before.rsplit_once(" @ 0x") {
        if is_hex(load) {
            before = module.trim_end();
        }
    }
    let path = before.rsplit(char::is_whitespace).next()?;
    let alone = path.len() == before.len() && path.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'));
    if !(path.starts_with('/') || path.starts_with("./") || path.starts_with("../") || alone) {
        return None;
    }
    path.rsplit('/').next().filter(|name| !name.is_empty())
}

fn is_hex(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_hexdigit())
}

/// `plan` with the first frame of each module a native backtrace names put back where a fold
/// held it, in each trace through modules in an order not seen before.
pub(super) fn keep_first_frames(plan: Plan, lines: &Lines) -> Plan {
    let mut traces = Traces::default();
    for piece in &plan.pieces {
        let (start, end, kept) = match *piece {
            Piece::Keep { start, end, .. } | Piece::Restate { start, end, .. } => (start, end, true),
            Piece::Fold { start, end, .. } => (start, end, false),
        };
        for n in start..=end {
            if let Some(module) = frame_module(lines.lines[n - 1]) {
                traces.frame(n, module, kept);
            }
        }
    }
    traces.end();
    if traces.keep.is_empty() {
        plan
    } else {
        crate::guard::keep_in_place(&plan, traces.keep, lines, Priority::Notable)
    }
}

/// The frames read so far, trace by trace.
#[derive(Default)]
struct Traces<'a> {
    /// the trace read now: each frame's line, module and whether the plan keeps it
    frames: Vec<(usize, &'a str, bool)>,
    /// the orders of modules the traces read went through
    seen: FxHashSet<u64>,
    /// the lines to put back
    keep: Vec<usize>,
}

impl<'a> Traces<'a> {
    fn frame(&mut self, n: usize, module: &'a str, kept: bool) {
        if self.frames.last().is_some_and(|&(last, _, _)| n > last + FRAME_GAP) {
            self.end();
        }
        self.frames.push((n, module, kept));
    }

    /// The trace read now is over: a new order of modules keeps each module's first frame.
    fn end(&mut self) {
        let mut order = FxHasher::default();
        let mut last = None;
        for &(_, module, _) in &self.frames {
            if last != Some(module) {
                order.write(module.as_bytes());
                order.write_u8(0);
                last = Some(module);
            }
        }
        if !self.frames.is_empty() && self.seen.len() < TRACES_SHOWN && self.seen.insert(order.finish()) {
            let mut shown = FxHashSet::default();
            for &(n, module, kept) in &self.frames {
                if shown.insert(module) && !kept {
                    self.keep.push(n);
                }
            }
        }
        self.frames.clear();
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
            ("server(main+0x81)[0x55d1a2b00281]", "server"),
            ("../lib/libx.so(+0x10)[0x7f0000001010]", "libx.so"),
        ] {
            assert_eq!(frame_module(line), Some(module), "{line}");
        }
        for line in ["GET /x.so HTTP/1.1 [0x1f]", "mapped /lib/libc.so.6 at [mem 0x1000-0x2000]", "plain line", "[    47.927] (EE) Backtrace:",
            "MOUPG  Setting value = [0x2]", "\"VM Thread\" os_prio=0 tid=0x00007f nid=0x2b03 runnable [0x7f00]"] {
            assert_eq!(frame_module(line), None, "{line}");
        }
    }
}
