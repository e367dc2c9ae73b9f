//! Install and build logs: pip, apt, make (and cmake/kbuild progress), plus Python tracebacks
//! wherever they appear.

use super::rules::{rule, Act, Memory, Runner};
use super::{re, Cat, Classifier, Role};
use crate::plan::Priority::{Critical, Notable, Verdict};

pub(crate) const INSTALL: Runner = Runner {
    present: |_| true,
    trim: true,
    rules: &[
        rule(
            |t| t.starts_with("Traceback (most recent call last):"),
            Act::Region(traceback),
        ),
        rule(
            |t| re!(r"^(ERROR|E|Err|error|fatal|FATAL)(:|!) |^E: ").is_match(t),
            Act::Keep(Critical),
        ),
        rule(
            |t| {
                re!(r"^(WARNING|DEPRECATION|W|warning|Warning):? ").is_match(t)
                    && (t.contains(':') || t.starts_with("W "))
            },
            Act::Once(Notable),
        ),
        rule(
            |t| {
                re!(r"^Successfully (installed|built|uninstalled) |^\d+ upgraded, \d+ newly installed, \d+ to remove and \d+ not upgraded\.").is_match(t)
            },
            Act::Keep(Verdict),
        ),
        // apt-get -s: upgrades from the security suite matter; the rest is the plan's bulk
        rule(
            |t| apt_plan_line(t) && t.contains("security"),
            Act::Keep(Notable),
        ),
        rule(apt_plan_line, Act::Fold(Cat::Progress)),
        rule(
            |t| t.starts_with("Remv ") || t.starts_with("Fetched "),
            Act::Keep(Notable),
        ),
        rule(failed_step, Act::Keep(Critical)),
        rule(
            |t| pip_progress(t) || apt_progress(t) || build_progress(t) || check_progress(t),
            Act::Fold(Cat::Progress),
        ),
        rule(
            |t| re!(r"^make(\[\d+\])?: (Entering|Leaving) directory").is_match(t),
            Act::Fold(Cat::Quiet),
        ),
    ],
};

/// apt's progress line that says what no other line of the install says stays: the one fetch
/// of another kind (`Get:4 … bookworm-security/main amd64 Packages [386 kB]` among the
/// `InRelease` ones), `Building dependency tree...`, a package unpacked `over` its installed
/// self, a package of a simulated plan said in a shape of its own (the one that another's
/// upgrade breaks, `Inst libext2fs2 [1.47.0-2] (1.47.0-2+b2 …) [e2fsprogs:amd64 on
/// libext2fs2:amd64] [e2fsprogs:amd64 ]`; the one newly installed among upgrades). An event seen once is read as Drain reads the whole input (`drain::Drain`), as a
/// log's is: the same steps for each package of the install still fold. (pip's progress is
/// left to its rules: `pip -v` says each of its steps once.)
pub(crate) fn keep_lone_progress(c: &mut Classifier) {
    if c.len() > crate::drain::READS_WHOLE_UP_TO {
        return;
    }
    let mut drain = crate::drain::Drain::default();
    for (i, line) in c.lines.iter().enumerate() {
        drain.opens_at(line, i);
    }
    for i in drain.alone() {
        let line = c.lines[i].trim_start();
        if c.roles[i] == Some(Role::Fold(Cat::Progress)) && (apt_progress(line) || apt_plan_line(line)) {
            c.force(i, Role::Keep(Notable));
        }
    }
}

/// A package `apt-get -s` would install, in its plan: `Inst libc6 [2.36-9] (2.36-9+deb12u7 …)`.
fn apt_plan_line(t: &str) -> bool {
    t.starts_with("Inst ")
}

/// A Python traceback: indented frames, then the exception line at column 0.
fn traceback(c: &mut Classifier, i: usize, _: &mut Memory) -> usize {
    let n = c.len();
    if c.lines[i].starts_with([' ', '\t']) {
        // quoted inside something else: not a traceback of its own
        return i + 1;
    }
    let mut j = i + 1;
    while j < n && (c.lines[j].starts_with(' ') || c.lines[j].starts_with('\t')) {
        j += 1;
    }
    c.keep_block(i, (j + 1).min(n), Critical);
    j + 1
}

/// A step whose outcome, after its ellipsis, is a failure: pip's `Building wheel for pycairo
/// (pyproject.toml) ... error` among its `... done`, an init script's `Starting nginx ...
/// failed!`. It says how the step went, not how far the work is: no progress, whatever the
/// step. A few words at most: a longer tail is the step's own text (`Downloading x ...
/// (retrying on error)` is no outcome). A check may give its outcome after a colon: libyaml's
/// `checking boms: 0 fail(s)`, a count of failures, which a test's verdict is.
fn failed_step(t: &str) -> bool {
    let after_colon = || check_progress(t).then(|| t.rsplit_once(": ")).flatten();
    let Some((_, outcome)) = t.rsplit_once("...").or_else(|| t.rsplit_once('…')).or_else(after_colon) else {
        return false;
    };
    let outcome = outcome.trim();
    outcome.split_whitespace().count() <= OUTCOME_WORDS && crate::logline::error_words(outcome)
}

/// Words an outcome after an ellipsis holds, at most (see `failed_step`).
const OUTCOME_WORDS: usize = 4;

fn pip_progress(t: &str) -> bool {
    re!(concat!(
        r"^(Collecting|Downloading|Using cached|Obtaining|Processing|Requirement already satisfied|Looking in (indexes|links)|",
        r"Installing build dependencies|Getting requirements to build|Preparing metadata|Building wheels? for|Created wheel for|",
        r"Stored in directory|Building wheel|Installing collected packages|Attempting uninstall|Found existing installation|",
        r"Uninstalling|Running command|Running setup\.py|Source in|Using pip|Link requires|Skipping link|Fetched page|Getting page|",
        r"Starting new HTTPS|Found link|Given no hashes|Created temporary directory|Initialized build tracking|Created build tracker|",
        r"Entered build tracker|Removed build tracker|Removed .* from build tracker|Using legacy|Using version|",
        r"Installing (backend|required) dependencies|Resolved |Prepared |Installed \d+ packages|Audited |",
        r"running [a-z_]+$|writing |reading manifest|adding license|creating |copying |adding '|removing |Copying |",
        r"installing to |byte-compiling |Creating (directory |\S*/)|package init file|Including |Excluding |",
        r"\+ \S+==|[━╸─]{5,}|[|█▏▎▍▌▋▊▉ ]*\d+%\|)"
    ))
    .is_match(t)
}

/// What a build checks: configure's `checking for X... yes`, setuptools' `Checking if … ...
/// done`, meson's `Checking for … : YES`, `cargo check`'s `Checking serde v1.0.215`: a check
/// with its outcome, or the crate it checks. A checkout (`Checking out Revision 50b5ec6a…`)
/// names the commit a job built, and a sentence that starts with the word is no step of a
/// build (unattended-upgrades' `Checking if connection is metered is skipped. Please install
/// python3-gi …`, a package script's `checking disk quota` before it fails).
fn check_progress(t: &str) -> bool {
    (t.starts_with("checking ") || t.starts_with("Checking "))
        && !t.starts_with("Checking out ")
        && (t.contains("...") || t.contains('…') || t.contains(": ") || re!(r"^Checking \S+ v\d").is_match(t))
}

fn apt_progress(t: &str) -> bool {
    re!(concat!(
        r"^((Get|Hit|Ign):\d+ |Conf \S|Reading package lists|Building dependency tree|Reading state information|",
        r"Selecting previously unselected package|\(Reading database|Preparing to unpack|Unpacking |Setting up |",
        r"Processing triggers for |Calculating upgrade|update-alternatives: )"
    ))
    .is_match(t)
}

fn build_progress(t: &str) -> bool {
    re!(concat!(
        r"^((CC|LD|AR|CXX|AS|GEN|CCLD|CXXLD|HOSTCC|HOSTLD|INSTALL|MKDIR|CHK|UPD|LINK|OBJCOPY|STRIP|SIGN|BTF|MODPOST|LEX|YACC)\s+\S+$|",
        r"\[\s*\d+%\] (Building|Linking|Built target|Generating|Scanning|Automatic)|",
        r"(gcc|cc|g\+\+|c\+\+|clang|clang\+\+|ar|ranlib|libtool|/usr/bin/(gcc|cc|c\+\+|g\+\+|ar|ld)\S*) -)"
    ))
    .is_match(t)
}

#[cfg(test)]
mod tests {
    use crate::testout::testutil::assert_kept;

    #[test]
    fn pip_keeps_warnings_and_result_once() {
        let mut t =
            String::from("Collecting toolz==1.2.0\n  Downloading toolz-1.2.0.tar.gz (55 kB)\n");
        for _ in 0..3 {
            t.push_str("  WARNING: Location 'file:///srv/x/' is ignored: it is neither a file nor a directory.\n");
        }
        for i in 0..20 {
            t.push_str(&format!("  copying toolz/file{i}.py -> build/lib/toolz\n"));
        }
        t.push_str("Successfully built toolz\nInstalling collected packages: toolz\nSuccessfully installed toolz-1.2.0\n");
        let out = assert_kept(
            &t,
            &[
                "WARNING: Location 'file:///srv/x/' is ignored",
                "Successfully built toolz",
                "Successfully installed toolz-1.2.0",
            ],
        );
        assert_eq!(out.matches("WARNING: Location").count(), 1, "{out}");
        assert!(out.contains("progress lines"), "{out}");
    }

    #[test]
    fn a_step_that_failed_stays_among_steps_that_did_not() {
        let mut t = String::from("Building wheels for collected packages: numpy, pycairo\n");
        for p in ["numpy", "six", "pycairo", "attrs", "idna", "certifi", "jinja2", "urllib3"] {
            let outcome = if p == "pycairo" { "error" } else { "done" };
            t.push_str(&format!("  Building wheel for {p} (pyproject.toml) ... {outcome}\n"));
            t.push_str(&format!("  Stored in directory: /root/.cache/pip/wheels/ab/cd/{p}\n"));
        }
        for p in ["libssh2-1:amd64 (1.10.0-3+b1)", "netbase (6.4)", "openssl (3.0.15-1)", "git (1:2.39.5-0+deb12u3)"] {
            t.push_str(&format!("Setting up {p} ...\n"));
        }
        t.push_str("Starting nginx ... failed: address already in use\n");
        t.push_str("Successfully built numpy six\n");
        let out = assert_kept(
            &t,
            &["Building wheel for pycairo (pyproject.toml) ... error", "Starting nginx ... failed: address already in use"],
        );
        // the steps that went well are still progress, and so is a step's own text that names an error
        assert!(!out.contains("Building wheel for attrs"), "{out}");
        assert!(!out.contains("Setting up netbase"), "{out}");
        assert!(super::failed_step("Running setup.py install for x ... error"));
        assert!(!super::failed_step("Collecting error-reporting ... done"));
        assert!(!super::failed_step("Downloading x ... (retrying on connection errors if the mirror is slow)"));
        assert!(!super::failed_step("Setting up libfail (1.0) ..."));
        // a check's count of failures after a colon (libyaml's `make check`)
        assert!(super::failed_step("checking boms: 0 fail(s)"));
        assert!(!super::failed_step("checking boms..."));
        assert!(!super::failed_step("Remv libfail: pulled in by libx failures"));
    }

    #[test]
    fn a_check_with_an_ellipsis_is_progress_and_a_checked_out_revision_stays() {
        let mut t = String::from("Checking out Revision 50b5ec6a1d2c3b4a (refs/remotes/origin/master)\n");
        for i in 0..20 {
            t.push_str(&format!("checking for header{i}.h... yes\n"));
        }
        t.push_str("Checking if build backend supports build_editable ... done\n");
        t.push_str("Successfully installed toolz-1.2.0\n");
        let out = assert_kept(&t, &["Checking out Revision 50b5ec6a1d2c3b4a", "Successfully installed"]);
        assert!(!out.contains("header7.h"), "{out}");
        assert!(!out.contains("build_editable"), "{out}");
    }

    #[test]
    fn a_check_without_an_ellipsis_is_progress_too() {
        // `cargo clippy` after a build checks every crate without compiling any; meson says
        // what it found after a colon
        let mut t = String::new();
        let crates = "memchr v2.7.4,regex-syntax v0.8.5,aho-corasick v1.1.3,serde_json v1.0.133,itoa v1.0.14,once_cell v1.20.2,cfg-if v1.0.0,libc v0.2.167,smallvec v1.13.2,bitflags v2.6.0,zstd-safe v7.2.1,hashbrown v0.15.2,parking_lot_core v0.9.10,pyo3-ffi v0.23.3,crossbeam-utils v0.8.20,rayon-core v1.12.1,tiktoken-rs v0.6.0,anyhow v1.0.94";
        for c in crates.split(',') {
            t.push_str(&format!("    Checking {c}\n"));
        }
        for check in [
            "for function \"clock_gettime\" : YES",
            "for size of \"long\" : 8",
            "if \"atomic builtins\" links: YES",
            "for type \"struct stat64\" : NO",
            "whether type \"struct stat\" has member \"st_mtim\" : YES",
            "for function \"posix_memalign\" : YES",
            "if \"-Wl,--version-script\" links: YES",
            "for header \"sys/mman.h\" : YES",
        ] {
            t.push_str(&format!("Checking {check}\n"));
        }
        t.push_str("error: could not compile `app` (lib) due to 1 previous error\n");
        let out = assert_kept(&t, &["error: could not compile"]);
        for gone in ["smallvec v1.13.2", "struct stat64", "posix_memalign"] {
            assert!(!out.contains(gone), "{gone}: {out}");
        }
    }

    #[test]
    fn a_sentence_that_opens_with_checking_is_no_check() {
        // a package's script echoes what it does before it fails, and unattended-upgrades says
        // what it skipped: neither is a build's check, each is said once
        let mut t = String::from("Reading package lists...\n");
        for i in 0..20 {
            t.push_str(&format!("checking for header{i}.h... yes\n"));
        }
        t.push_str("Preparing to unpack probe-badpreinst_1.0_all.deb ...\nchecking disk quota\n");
        t.push_str("dpkg: error processing archive probe-badpreinst_1.0_all.deb (--install):\n");
        t.push_str("Checking if connection is metered is skipped. Please install python3-gi package to detect metered connections.\n");
        let out = assert_kept(&t, &["checking disk quota", "Checking if connection is metered is skipped."]);
        assert!(!out.contains("header7.h"), "{out}");
    }

    #[test]
    fn apt_simulation() {
        let mut t = String::from("Reading package lists...\nBuilding dependency tree...\nReading state information...\nCalculating upgrade...\nThe following packages will be upgraded:\n  libc6 openssl\n2 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n");
        for i in 0..20 {
            t.push_str(&format!(
                "Inst libfoo{i} [1.{i}] (1.{i}+deb12u1 Debian:12.8/stable [amd64])\n"
            ));
            // the one package whose upgrade another's breaks, as apt says once in the plan
            if i == 9 {
                t.push_str("Inst libext2fs2 [1.47.0-2] (1.47.0-2+b2 Debian:12.8/stable [amd64]) [e2fsprogs:amd64 on libext2fs2:amd64] [e2fsprogs:amd64 ]\n");
            }
        }
        t.push_str("Inst openssl [3.0.14-1~deb12u2] (3.0.15-1~deb12u1 Debian-Security:12/stable-security [amd64])\nConf openssl (3.0.15-1~deb12u1 Debian-Security:12/stable-security [amd64])\nW: Some index files failed to download.\nE: Unable to fetch some archives\n");
        let out = assert_kept(
            &t,
            &[
                "2 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.",
                "Inst openssl [3.0.14-1~deb12u2]",
                "Inst libext2fs2 [1.47.0-2] (1.47.0-2+b2 Debian:12.8/stable [amd64]) [e2fsprogs:amd64 on libext2fs2:amd64]",
                "W: Some index files failed",
                "E: Unable to fetch some archives",
            ],
        );
        // the plan's bulk folds
        assert!(!out.contains("Inst libfoo12 "), "{out}");
    }

    #[test]
    fn a_package_scripts_one_step_stays_among_apts() {
        // adduser's `Creating home directory …` is no step of pip's (`Creating directory
        // /tmp/…`, `Creating /usr/lib/…`): said once in the install, it stays
        let mut t = String::from("Reading package lists...\nBuilding dependency tree...\n");
        let policy = "invoke-rc.d: could not determine current runlevel\ninvoke-rc.d: policy-rc.d denied execution of start.\n";
        for p in ["rsync", "liburing2", "libaio1", "erlang-crypto", "etcd-server"] {
            t.push_str(&format!("Selecting previously unselected package {p}.\nPreparing to unpack .../{p}_1.0_amd64.deb ...\nUnpacking {p} (1.0) ...\n"));
        }
        for p in ["rsync", "liburing2", "libaio1"] {
            t.push_str(&format!("Setting up {p} (1.0) ...\n{policy}"));
        }
        t.push_str(&format!("Setting up etcd-server (1.0) ...\nAdding system user `etcd' (UID 112) ...\nCreating home directory `/var/lib/etcd/' ...\n{policy}"));
        t.push_str(&format!("Setting up erlang-crypto (1.0) ...\n{policy}Processing triggers for man-db (2.11.2-2) ...\n"));
        assert_kept(&t, &["Creating home directory `/var/lib/etcd/' ..."]);
    }

    #[test]
    fn traceback_stays_whole() {
        let mut t = "building step one of many in the big build here\n".repeat(10);
        t.push_str("Traceback (most recent call last):\n  File \"setup.py\", line 3, in <module>\n    import numpy\nModuleNotFoundError: No module named 'numpy'\n");
        assert_kept(
            &t,
            &[
                "File \"setup.py\", line 3",
                "ModuleNotFoundError: No module named 'numpy'",
            ],
        );
    }

    #[test]
    fn make_with_compiler_error() {
        let mut t = String::from("make[1]: Entering directory '/src/lib'\n");
        for i in 0..20 {
            t.push_str(&format!("gcc -O2 -Wall -c file{i}.c -o file{i}.o\n"));
        }
        t.push_str("file20.c:3:5: error: unknown type name 'sizet'\n    3 |     sizet n;\n      |     ^~~~~\nmake[1]: *** [Makefile:12: file20.o] Error 1\nmake[1]: Leaving directory '/src/lib'\nmake: *** [Makefile:5: all] Error 2\n");
        let out = assert_kept(
            &t,
            &[
                "file20.c:3:5: error: unknown type name 'sizet'",
                "    3 |     sizet n;",
                "make[1]: *** [Makefile:12: file20.o] Error 1",
                "make: *** [Makefile:5: all] Error 2",
            ],
        );
        assert!(out.contains("progress lines"), "{out}");
    }
}
