# shell/hr.bash: printed by `hr shell-init bash` (and, followed by shell/hr.zsh, by `hr shell-init
# zsh`) with @HR@ (hr's path) and @NEVER@ (arguments that are never wrapped) filled in.
# hr shell integration (bash, zsh): wraps noisy commands so that, in an agent's shell, output that
# goes straight to the agent is compressed. Inside a pipeline, a redirect or $(...) the wrapped
# commands behave exactly as without hr. HR_DISABLE=1 turns it off; HR_AGENT=1 forces it on.
__hr_bin=@HR@
# What stdout was when the shell started: output goes "straight to the agent" only while the
# command's stdout is still that same file or pipe.
{ __hr_out0=$(command stat -L -c %d:%i /dev/fd/3 2>/dev/null); } 3>&1

__hr_agent() {
    case "${HR_AGENT:-}" in
        1) return 0 ;;
        0) return 1 ;;
    esac
    [ -n "${CLAUDECODE:-}${CODEX_SANDBOX:-}${CODEX_SANDBOX_NETWORK_DISABLED:-}${CODEX_THREAD_ID:-}${GEMINI_CLI:-}${CURSOR_AGENT:-}" ]
}

# Succeeds when output should be compressed; sets __hr_merged=1 when stderr goes to the same
# place as stdout (then both are compressed together, in order, as the agent would read them).
__hr_wanted() {
    [ "${HR_DISABLE:-}" != 1 ] && [ -n "$__hr_out0" ] && __hr_agent || return 1
    local ids out err
    { ids=$(command stat -L -c %d:%i /dev/fd/3 /dev/fd/4 2>/dev/null); } 3>&1 4>&2
    out=${ids%%$'\n'*}
    err=${ids#*$'\n'}
    [ "$out" = "$__hr_out0" ] || return 1
    __hr_merged=
    [ "$err" = "$out" ] && __hr_merged=1
    return 0
}

# Arguments that make a command follow forever or talk to a person.
__hr_plain() {
    local a
    for a in "$@"; do
        case "$a" in
            @NEVER@) return 1 ;;
        esac
    done
    return 0
}

__hr_run() {
    local -a budget
    budget=()
    [ -n "${HR_BUDGET:-}" ] && budget=(--budget "$HR_BUDGET")
    if [ -n "$__hr_merged" ]; then
        "$__hr_bin" run --label "$*" "${budget[@]}" -- "$@"
    else
        __hr_pipe "$@"
    fi
}

# stdout alone goes through hr; the command's own exit status is kept (`budget` is the caller's)
__hr_pipe() {
    command "$@" | "$__hr_bin" --label "$*" "${budget[@]}"
    return "${PIPESTATUS[0]}"
}

# `cat` with no file operand reads stdin: leave it be
__hr_hasfile() {
    local a
    for a in "$@"; do
        case "$a" in -?*) ;; *) return 0 ;; esac
    done
    return 1
}

# The wrappers themselves (one function per wrapped command, from HR_WRAP) follow, written by
# `hr shell-init`.
